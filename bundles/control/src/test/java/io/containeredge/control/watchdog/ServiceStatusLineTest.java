package io.containeredge.control.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.ControlStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceStatusLineTest {

    @Test
    void aCurtailedContainerWithAlarmsSaysSoInOneLine() {
        ControlStatus status = status("CURTAIL", "power: import 812.4 kW over the cap of 800 kW", List.of(
                alarm("comm.cdu", Severity.CRITICAL), alarm("power.input-bad", Severity.WARNING),
                alarm("control.overrun", Severity.WARNING), alarm("io.unavailable", Severity.INFO)));

        assertEquals("thermal curtail, 200/240 miners awake, 3 unreachable, limit: power, 1 critical, 2 warnings",
                ServiceStatusLine.of(status));
    }

    @Test
    void theLineDoesNotChangeWithTheReadingsInTheGuardsReason() {
        ControlStatus before = status("NORMAL", "power: import 700.1 kW", List.of(alarm("x", Severity.WARNING)));
        ControlStatus after = status("NORMAL", "power: import 701.9 kW", List.of(alarm("x", Severity.WARNING)));

        assertEquals("thermal normal, 200/240 miners awake, 3 unreachable, limit: power, 0 critical, 1 warning",
                ServiceStatusLine.of(before));
        assertEquals(ServiceStatusLine.of(before), ServiceStatusLine.of(after));
    }

    private static ControlStatus status(String stage, String binding, List<AlarmCondition> conditions) {
        return new ControlStatus(0, stage, 900, false, binding, 900, 880, 2200, Double.NaN, 200, 240, 3, 10, 0, 4.2,
                List.of(), conditions, List.of());
    }

    private static AlarmCondition alarm(String id, Severity severity) {
        return new AlarmCondition(id, severity, "test", id, Double.NaN);
    }
}
