package io.containeredge.control.loop;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.importCapOverride;
import static io.containeredge.control.scenario.Events.maintenance;
import static io.containeredge.control.scenario.Events.minersIgnoreSleepAndWake;
import static io.containeredge.control.scenario.Events.pumpStops;
import static io.containeredge.control.scenario.Events.silence;
import static io.containeredge.control.scenario.Expectations.allMinersAsleep;
import static io.containeredge.control.scenario.Expectations.allMinersAsleepBy;
import static io.containeredge.control.scenario.Expectations.allMinersAwake;
import static io.containeredge.control.scenario.Expectations.importKw;
import static io.containeredge.control.scenario.Expectations.minerLimitKw;
import static io.containeredge.control.scenario.Expectations.thermalStage;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance in the running loop: no writes to the device, a lowered comm-loss alarm, and guards
 * that still treat its readings as the worst case.
 */
class MaintenanceInLoopTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @TempDir
    Path dir;

    @Test
    void aBatteryInMaintenanceIsWrittenNothingAndTheMinersTakeTheWholeReduction() {
        Scenario sc = given(container().dataIn(dir)).when(importCapOverride(100, Duration.ofMinutes(30), "dr-event"))
                .runFor(20, s);
        assertFalse(sc.devices().writesTo("battery").isEmpty(), "dispatched while under control");
        sc.then(allMinersAwake(), importKw(100, 1)); // the battery covers the excess by delivering it

        sc.when(maintenance("battery", Duration.ofMinutes(30))).devices().forget();
        sc.runFor(60, s);

        assertTrue(sc.devices().writesTo("battery").isEmpty(), "written in maintenance: " + sc.devices().writesTo("battery"));
        sc.then(importKw(100, 1)); // miners curtailed to the cap
        assertEquals("battery", sc.status().maintenance().get(0).device());
    }

    @Test
    void theBatteryIsWrittenAtOnceWhenItsMaintenanceEnds() {
        Scenario sc = given(container().dataIn(dir)).when(maintenance("battery", Duration.ofMinutes(1))).runFor(59, s);
        assertTrue(sc.devices().writesTo("battery").isEmpty());

        sc.runFor(2, s);

        assertFalse(sc.devices().writesTo("battery").isEmpty(), "written again once the window expired");
        assertTrue(sc.status().maintenance().isEmpty());
    }

    @Test
    void aCduInMaintenanceGetsNoCoolingRaiseButAPumpStopStillTripsTheMiners() {
        Scenario plain = given(container().dataIn(dir.resolve("plain")));
        Scenario held = given(container().dataIn(dir.resolve("held"))).when(maintenance("cdu", TWO_HOURS));
        for (Scenario sc : List.of(plain, held)) {
            sc.at(2, s).when(pumpStops()).then(allMinersAsleepBy(12, s), thermalStage("TRIPPED"));
        }
        assertFalse(plain.devices().writesTo("cdu").isEmpty(), "pump and fan raised under control");
        assertTrue(held.devices().writesTo("cdu").isEmpty(), "written in maintenance: " + held.devices().writesTo("cdu"));
    }

    @Test
    void staleReadingsOfACduInMaintenanceStillPutTheMinersToTheSafeLevel() {
        given(container().dataIn(dir)).when(maintenance("cdu", TWO_HOURS)).at(2, s).when(silence("cdu")).runFor(10, s)
                .then(thermalStage("SAFE"), minerLimitKw(0), allMinersAsleep());
    }

    @Test
    void commLossOfADeviceInMaintenanceIsAWarningTaggedMaintenanceInsteadOfCritical() {
        Scenario plain = given(container().dataIn(dir.resolve("plain")));
        Scenario held = given(container().dataIn(dir.resolve("held"))).when(maintenance("meter-aux", TWO_HOURS));
        for (Scenario sc : List.of(plain, held)) {
            sc.at(2, s).when(silence("meter-aux")).runFor(1, s);
        }

        Alarm critical = plain.activeAlarm("comm.meter-aux");
        assertNotNull(critical);
        assertEquals(Severity.CRITICAL, critical.severity());
        assertTrue(plain.alarms().anyActiveCritical());

        Alarm warning = held.activeAlarm("comm.meter-aux.maintenance");
        assertNotNull(warning);
        assertEquals(Severity.WARNING, warning.severity());
        assertTrue(warning.message().startsWith("maintenance:"), warning.message());
        assertNull(held.activeAlarm("comm.meter-aux"));
        assertFalse(held.alarms().anyActiveCritical());
    }

    @Test
    void aPduInMaintenanceIsNotSwitchedWhenItsMinersDoNotConfirmSleep() {
        Scenario sc = given(container().dataIn(dir)).when(maintenance("pdu-01", TWO_HOURS), minersIgnoreSleepAndWake())
                .at(2, s).when(pumpStops()).runFor(30, s);

        assertTrue(sc.devices().writesTo("pdu-01").isEmpty(), "switched in maintenance: " + sc.devices().writesTo("pdu-01"));
        assertTrue(sc.devices().writesTo("pdu-02").stream().anyMatch(w -> Boolean.FALSE.equals(w.value())),
                "the PDU under control cuts its unconfirmed miners");
    }
}
