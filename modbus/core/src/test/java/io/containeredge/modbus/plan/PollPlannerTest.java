package io.containeredge.modbus.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.modbus.profile.AddressRange;
import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.Order;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.modbus.profile.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PollPlannerTest {

    static PointDef reg(String name, int address, DataType type) {
        return reg(Table.HOLDING_REGISTER, name, address, type);
    }

    static PointDef reg(Table table, String name, int address, DataType type) {
        return new PointDef(name, table, address, table.isBits() ? DataType.BOOL : type,
                type.registers(), 1, 0, "", null, null, Set.of(), true, null, PollClass.FAST, false,
                Order.BIG, Order.BIG, Map.of(), Map.of(), "");
    }

    @Test
    void adjacentPointsShareOneRequest() {
        List<ReadRequest> plan = PollPlanner.plan(List.of(
                reg("a", 0, DataType.INT16), reg("c", 3, DataType.FLOAT32), reg("b", 1, DataType.UINT32)), List.of(), 0);
        assertEquals(1, plan.size());
        assertEquals(0, plan.get(0).start());
        assertEquals(5, plan.get(0).count());
        assertEquals(3, plan.get(0).points().size());
    }

    @Test
    void gapsUpToMaxGapAreBridgedLargerOnesSplit() {
        List<PointDef> points = List.of(reg("a", 0, DataType.INT16), reg("b", 5, DataType.INT16), reg("c", 20, DataType.INT16));
        assertEquals(2, PollPlanner.plan(points, List.of(), 4).size());
        assertEquals(1, PollPlanner.plan(points, List.of(), 15).size());
        assertEquals(3, PollPlanner.plan(points, List.of(), 3).size());
    }

    @Test
    void neverBridgesAnUnreadableRange() {
        List<PointDef> points = List.of(reg("a", 0, DataType.INT16), reg("b", 5, DataType.INT16));
        List<ReadRequest> plan = PollPlanner.plan(points, List.of(new AddressRange(Table.HOLDING_REGISTER, 2, 3)), 16);
        assertEquals(2, plan.size());
        List<ReadRequest> otherTable = PollPlanner.plan(points, List.of(new AddressRange(Table.INPUT_REGISTER, 2, 3)), 16);
        assertEquals(1, otherTable.size());
    }

    @Test
    void respectsTheProtocolLimitOf125Registers() {
        List<PointDef> points = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            points.add(reg("f" + i, i * 2, DataType.FLOAT32));
        }
        List<ReadRequest> plan = PollPlanner.plan(points, List.of(), 16);
        assertEquals(2, plan.size());
        plan.forEach(r -> assertEquals(true, r.count() <= 125));
        assertEquals(200, plan.stream().mapToInt(ReadRequest::count).sum());
        // a multi-register point is never split across requests
        plan.forEach(r -> r.points().forEach(p -> assertEquals(true, p.lastAddress() < r.start() + r.count())));
    }

    @Test
    void tablesAreNeverMixedAndBitsAllow2000() {
        List<PointDef> points = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            points.add(reg(Table.COIL, "s" + i, i, DataType.BOOL));
        }
        points.add(reg("r", 0, DataType.INT16));
        List<ReadRequest> plan = PollPlanner.plan(points, List.of(), 0);
        assertEquals(2, plan.size());
        assertEquals(Table.COIL, plan.get(0).table());
        assertEquals(20, plan.get(0).count());
    }

    @Test
    void overlappingPointsAreOneRequest() {
        List<ReadRequest> plan = PollPlanner.plan(List.of(reg("wide", 10, DataType.INT64), reg("inner", 11, DataType.INT16)),
                List.of(), 0);
        assertEquals(1, plan.size());
        assertEquals(4, plan.get(0).count());
    }
}
