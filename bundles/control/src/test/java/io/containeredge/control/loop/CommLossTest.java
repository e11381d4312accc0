package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommLossTest {

    static final long T0 = 1_800_000_000_000L;
    static final long GRACE = CommLoss.STARTUP_GRACE.toMillis();
    static final List<String> DEVICES = List.of("cdu", "meter");

    static PointValue point(String device, String name, Quality q) {
        return new PointValue(device, name, q == Quality.GOOD ? 1.0 : null, "", q, q == Quality.MISSING ? 0 : T0,
                q == Quality.GOOD ? null : "test");
    }

    static List<AlarmCondition> at(long now, Map<String, MaintenanceWindow> maintenance, PointValue... points) {
        return CommLoss.conditions(new Snapshot(now, List.of(points)), DEVICES, maintenance, now, T0);
    }

    @Test
    void aDeviceWhosePointsAreAllStaleOrMissingHasLostCommunication() {
        List<AlarmCondition> alarms = at(T0 + 1000, Map.of(), point("cdu", "supply", Quality.STALE),
                point("cdu", "flow", Quality.MISSING), point("meter", "kw", Quality.GOOD));

        assertEquals(1, alarms.size());
        assertEquals("comm.cdu", alarms.get(0).id());
        assertEquals(Severity.CRITICAL, alarms.get(0).severity());
        assertEquals("cdu", alarms.get(0).source());
    }

    @Test
    void anInvalidValueIsStillAnAnswer() {
        assertTrue(at(T0 + 1000, Map.of(), point("cdu", "supply", Quality.INVALID), point("cdu", "flow", Quality.STALE),
                point("meter", "kw", Quality.GOOD)).isEmpty());
    }

    @Test
    void aDeviceNeverReadIsReportedOnlyAfterTheStartupGrace() {
        PointValue good = point("meter", "kw", Quality.GOOD);
        assertTrue(at(T0 + GRACE - 1, Map.of(), point("cdu", "supply", Quality.MISSING), good).isEmpty());

        List<AlarmCondition> late = at(T0 + GRACE, Map.of(), point("cdu", "supply", Quality.MISSING), good);
        assertEquals(List.of("comm.cdu"), late.stream().map(AlarmCondition::id).toList());
        assertTrue(late.get(0).message().contains("missing since the start"), late.get(0).message());
    }

    @Test
    void aDeviceWithNoPointAtAllCountsAsNeverRead() {
        List<AlarmCondition> alarms = at(T0 + GRACE, Map.of(), point("meter", "kw", Quality.GOOD));
        assertEquals(List.of("comm.cdu"), alarms.stream().map(AlarmCondition::id).toList());
    }

    @Test
    void inMaintenanceTheAlarmIsAWarningTaggedMaintenance() {
        MaintenanceWindow w = new MaintenanceWindow("cdu", T0, T0 + 3_600_000, "console:alice");
        List<AlarmCondition> alarms = at(T0 + 1000, Map.of("cdu", w), point("cdu", "supply", Quality.STALE),
                point("meter", "kw", Quality.GOOD));

        assertEquals(1, alarms.size());
        AlarmCondition a = alarms.get(0);
        assertEquals("comm.cdu.maintenance", a.id());
        assertEquals(Severity.WARNING, a.severity());
        assertTrue(a.message().startsWith("maintenance: device cdu not answering"), a.message());
        assertTrue(a.message().contains("console:alice"), a.message());
    }
}
