package io.containeredge.control.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.MaintenanceWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceScheduleTest {

    static final long T0 = 1_800_000_000_000L;
    static final List<String> DEVICES = List.of("cdu", "battery", "pdu-01");

    @TempDir
    Path dir;

    MaintenanceSchedule open(List<String> devices, long now) {
        return new MaintenanceSchedule(devices, new MaintenanceFile(dir.resolve("maintenance.json")), now);
    }

    @Test
    void aWindowHoldsUntilItsEndAndThenEndsByItself() {
        MaintenanceSchedule s = open(DEVICES, T0);
        MaintenanceWindow w = s.start("battery", Duration.ofMinutes(30), "console:alice", T0);

        assertEquals(new MaintenanceWindow("battery", T0, T0 + 1_800_000, "console:alice"), w);
        assertEquals(w, s.active(T0 + 1_799_999).get("battery"));
        assertTrue(s.active(T0 + 1_800_000).isEmpty());
    }

    @Test
    void anUnknownDeviceIsRefusedWithTheReason() {
        MaintenanceSchedule s = open(DEVICES, T0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.start("pdu-99", Duration.ofMinutes(30), "x", T0));
        assertTrue(e.getMessage().contains("no device 'pdu-99'"), e.getMessage());
        assertTrue(e.getMessage().contains("cdu, battery, pdu-01"), e.getMessage());
        assertTrue(s.active(T0).isEmpty());
    }

    @Test
    void aDurationOutsideOneMinuteToSevenDaysIsRefused() {
        MaintenanceSchedule s = open(DEVICES, T0);
        assertThrows(IllegalArgumentException.class, () -> s.start("cdu", Duration.ofSeconds(59), "x", T0));
        assertThrows(IllegalArgumentException.class, () -> s.start("cdu", Duration.ofDays(7).plusMinutes(1), "x", T0));
        assertThrows(IllegalArgumentException.class, () -> s.start("cdu", null, "x", T0));
        assertTrue(s.active(T0).isEmpty());
        s.start("cdu", Duration.ofDays(7), "x", T0);
        assertEquals(1, s.active(T0).size());
    }

    @Test
    void endingGivesTheDeviceBackAndSaysWhetherItWasInMaintenance() {
        MaintenanceSchedule s = open(DEVICES, T0);
        s.start("cdu", Duration.ofHours(1), "x", T0);
        assertTrue(s.end("cdu", "y", T0 + 1000));
        assertTrue(s.active(T0 + 1000).isEmpty());
        assertFalse(s.end("cdu", "y", T0 + 2000));
    }

    @Test
    void activeWindowsSurviveARestartAndExpiredOnesDoNot() {
        MaintenanceSchedule s = open(DEVICES, T0);
        s.start("cdu", Duration.ofHours(2), "console:alice", T0);
        s.start("battery", Duration.ofMinutes(10), "mqtt:ops/r1", T0);

        MaintenanceSchedule reopened = open(DEVICES, T0 + Duration.ofHours(1).toMillis());

        assertEquals(List.of("cdu"), List.copyOf(reopened.active(T0 + Duration.ofHours(1).toMillis()).keySet()));
        assertEquals("console:alice", reopened.active(T0).get("cdu").source());
    }

    @Test
    void anEndedWindowStaysEndedAfterARestart() {
        MaintenanceSchedule s = open(DEVICES, T0);
        s.start("cdu", Duration.ofHours(2), "x", T0);
        s.end("cdu", "x", T0 + 1000);

        assertTrue(open(DEVICES, T0 + 2000).active(T0 + 2000).isEmpty());
    }

    @Test
    void aWindowOfADeviceThatLeftTheSiteIsDropped() {
        open(DEVICES, T0).start("pdu-01", Duration.ofHours(2), "x", T0);

        assertTrue(open(List.of("cdu", "battery"), T0 + 1000).active(T0 + 1000).isEmpty());
    }

    @Test
    void anUnreadableFileMeansNoDeviceIsInMaintenance() throws Exception {
        Files.writeString(dir.resolve("maintenance.json"), "[{\"device\":\"cdu\",\"sinceMil");

        MaintenanceSchedule s = open(DEVICES, T0);

        assertTrue(s.active(T0).isEmpty());
        s.start("cdu", Duration.ofHours(1), "x", T0);
        assertEquals(1, open(DEVICES, T0).active(T0).size(), "the file is written again on the next change");
    }
}
