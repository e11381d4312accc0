package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.AlarmCondition.Severity;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance in the running loop: no writes to the device, a lowered comm-loss alarm, and guards
 * that still treat its readings as the worst case.
 */
class MaintenanceInLoopTest {

    @TempDir
    Path dir;

    @Test
    void aBatteryInMaintenanceIsWrittenNothingAndTheMinersTakeTheWholeReduction() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.loop.overrideImportCap(100, Duration.ofMinutes(30), "dr-event", rig.now);
        rig.runFor(20);
        assertFalse(rig.writesTo("battery").isEmpty(), "dispatched while under control");
        assertEquals(LoopRig.MINERS, rig.minersAwake(), "the battery covers the excess");
        assertEquals(100, rig.importKw(), 1, "by delivering it: the import is at the cap");

        rig.maintenance.start("battery", Duration.ofMinutes(30), "tech", rig.now);
        rig.writes.clear();
        rig.runFor(60);

        assertTrue(rig.writesTo("battery").isEmpty(), "written in maintenance: " + rig.writesTo("battery"));
        assertEquals(100, rig.importKw(), 1, "miners curtailed to the cap");
        assertEquals("battery", rig.loop.status().maintenance().get(0).device());
    }

    @Test
    void theBatteryIsWrittenAtOnceWhenItsMaintenanceEnds() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.maintenance.start("battery", Duration.ofMinutes(1), "tech", rig.now);
        rig.runFor(59);
        assertTrue(rig.writesTo("battery").isEmpty());

        rig.runFor(2);

        assertFalse(rig.writesTo("battery").isEmpty(), "written again once the window expired");
        assertTrue(rig.loop.status().maintenance().isEmpty());
    }

    @Test
    void aCduInMaintenanceGetsNoCoolingRaiseButAPumpStopStillTripsTheMiners() throws Exception {
        LoopRig plain = new LoopRig(dir.resolve("plain"));
        LoopRig held = new LoopRig(dir.resolve("held"));
        held.maintenance.start("cdu", Duration.ofHours(2), "tech", held.now);
        for (LoopRig rig : new LoopRig[] {plain, held}) {
            rig.runFor(2);
            rig.set("cdu", "pump_state", "stopped");
            rig.runFor(10);
            assertEquals("TRIPPED", rig.loop.status().thermalStage());
            assertEquals(0, rig.minersAwake());
        }
        assertFalse(plain.writesTo("cdu").isEmpty(), "pump and fan raised under control");
        assertTrue(held.writesTo("cdu").isEmpty(), "written in maintenance: " + held.writesTo("cdu"));
    }

    @Test
    void staleReadingsOfACduInMaintenanceStillPutTheMinersToTheSafeLevel() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.maintenance.start("cdu", Duration.ofHours(2), "tech", rig.now);
        rig.runFor(2);
        rig.silence("cdu");
        rig.runFor(10);

        assertEquals("SAFE", rig.loop.status().thermalStage());
        assertEquals(0, rig.loop.status().maxMinerKw());
        assertEquals(0, rig.minersAwake());
    }

    @Test
    void commLossOfADeviceInMaintenanceIsAWarningTaggedMaintenanceInsteadOfCritical() throws Exception {
        LoopRig plain = new LoopRig(dir.resolve("plain"));
        LoopRig held = new LoopRig(dir.resolve("held"));
        held.maintenance.start("meter-aux", Duration.ofHours(2), "tech", held.now);
        for (LoopRig rig : new LoopRig[] {plain, held}) {
            rig.runFor(2);
            rig.silence("meter-aux");
            rig.runFor(1);
        }

        Alarm critical = plain.activeAlarm("comm.meter-aux");
        assertNotNull(critical);
        assertEquals(Severity.CRITICAL, critical.severity());
        assertTrue(plain.alarms.anyActiveCritical());

        Alarm warning = held.activeAlarm("comm.meter-aux.maintenance");
        assertNotNull(warning);
        assertEquals(Severity.WARNING, warning.severity());
        assertTrue(warning.message().startsWith("maintenance:"), warning.message());
        assertNull(held.activeAlarm("comm.meter-aux"));
        assertFalse(held.alarms.anyActiveCritical());
    }

    @Test
    void aPduInMaintenanceIsNotSwitchedWhenItsMinersDoNotConfirmSleep() throws Exception {
        LoopRig rig = new LoopRig(dir);
        rig.maintenance.start("pdu-01", Duration.ofHours(2), "tech", rig.now);
        rig.minersObey = false;
        rig.runFor(2);
        rig.set("cdu", "pump_state", "stopped");
        rig.runFor(30);

        assertTrue(rig.writesTo("pdu-01").isEmpty(), "switched in maintenance: " + rig.writesTo("pdu-01"));
        assertTrue(rig.writesTo("pdu-02").stream().anyMatch(w -> Boolean.FALSE.equals(w.value())),
                "the PDU under control cuts its unconfirmed miners");
    }
}
