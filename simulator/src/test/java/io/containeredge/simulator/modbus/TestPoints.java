package io.containeredge.simulator.modbus;

import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.Order;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.modbus.profile.Table;
import io.containeredge.simulator.device.DeviceImage;
import java.util.List;
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

    /**
     * A device with a little of everything: three writable coils, two discrete inputs, an int16
     * temperature, a writable setpoint, a uint32 counter and a float32 power in the input registers.
     */
    static DeviceImage sampleDevice() {
        DeviceImage image = new DeviceImage("dev", List.of(
                point("c0", Table.COIL, 0, DataType.BOOL, 1, true),
                point("c1", Table.COIL, 1, DataType.BOOL, 1, true),
                point("c2", Table.COIL, 2, DataType.BOOL, 1, true),
                point("d0", Table.DISCRETE_INPUT, 0, DataType.BOOL, 1, false),
                point("d1", Table.DISCRETE_INPUT, 1, DataType.BOOL, 1, false),
                point("temp", Table.HOLDING_REGISTER, 0, DataType.INT16, 0.01, false),
                point("setpoint", Table.HOLDING_REGISTER, 1, DataType.UINT16, 0.1, true),
                point("energy", Table.HOLDING_REGISTER, 2, DataType.UINT32, 1, true),
                point("power", Table.INPUT_REGISTER, 100, DataType.FLOAT32, 1, false)));
        image.set("temp", 38.5);
        image.set("setpoint", 50.0);
        image.set("energy", 70000);
        image.set("power", 860.5);
        image.set("d1", true);
        return image;
    }
}
