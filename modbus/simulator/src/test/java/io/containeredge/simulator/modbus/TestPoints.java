package io.containeredge.simulator.modbus;

import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.Order;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.modbus.profile.Table;
import java.util.Map;
import java.util.Set;

/** Builds PointDefs for tests without a profile file. */
final class TestPoints {

    private TestPoints() {
    }

    static PointDef point(String name, Table table, int address, DataType type, double scale, boolean writable) {
        return new PointDef(name, table, address, type, type == DataType.STRING ? 4 : type.registers(), scale, 0, "",
                null, null, Set.of(), true, null, PollClass.NORMAL, writable, Order.BIG, Order.BIG, Map.of(), Map.of(),
                "");
    }
}
