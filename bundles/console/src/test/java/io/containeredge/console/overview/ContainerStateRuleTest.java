package io.containeredge.console.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.control.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The container's state from the controller's last cycle: the most severe one wins. */
class ContainerStateRuleTest {

    private static final long NOW = 1_000_000;

    static ControlStatus status(String stage, List<Verdict> verdicts, List<AlarmCondition> conditions,
            List<MaintenanceWindow> maintenance) {
        List<Verdict> all = new ArrayList<>(List.of(Verdict.free("thermal"), Verdict.free("power")));
        all.removeIf(v -> verdicts.stream().anyMatch(w -> w.guard().equals(v.guard())));
        all.addAll(verdicts);
        return new ControlStatus(NOW, stage, Double.POSITIVE_INFINITY, false, "thermal: normal", 900, 880, 2200,
                Double.NaN, 200, 240, 0, 10, 0, 1.5, all, conditions, maintenance);
    }

    private static ControlStatus stage(String stage, String thermalReason) {
        return status(stage, List.of(new Verdict("thermal", 0, true, thermalReason, List.of())), List.of(), List.of());
    }

    private static AlarmCondition condition(String id, Severity severity) {
        return new AlarmCondition(id, severity, "src", id + " message", Double.NaN);
    }

    private static final MaintenanceWindow CDU_WINDOW = new MaintenanceWindow("cdu", 0, NOW + 60_000, "console:tom");

    @Test
    void noCycleOrAStaleOneIsUnknown() {
        assertEquals(ContainerState.UNKNOWN, ContainerStateRule.derive(null, NOW).state());
        StateVerdict stale = ContainerStateRule.derive(status("NORMAL", List.of(), List.of(), List.of()),
                NOW + ContainerStateRule.STALE_AFTER_MILLIS + 1);
        assertEquals(ContainerState.UNKNOWN, stale.state());
        assertTrue(stale.reason().contains("not running"), stale.reason());
    }

    @Test
    void aLatchedThermalTripIsTrippedWithTheGuardsReason() {
        StateVerdict v = ContainerStateRule.derive(stage("TRIPPED", "tripped (latched): pump stopped"), NOW);
        assertEquals(new StateVerdict(ContainerState.TRIPPED, "tripped (latched): pump stopped"), v);
    }

    @Test
    void anEmergencyStopIsTrippedEvenWithTheCoolingNormal() {
        Verdict estop = new Verdict("emergency-stop", 0, true, "emergency stop pressed", List.of());
        assertEquals(ContainerState.TRIPPED,
                ContainerStateRule.derive(status("NORMAL", List.of(estop), List.of(), List.of()), NOW).state());
    }

    @Test
    void aFailSafeLevelOfEitherGuardIsSafe() {
        assertEquals(ContainerState.SAFE, ContainerStateRule.derive(stage("SAFE", "fail-safe: supply stale"), NOW).state());
        Verdict powerSafe = new Verdict("power", 0, true, "fail-safe: import reading not good", List.of());
        StateVerdict v = ContainerStateRule.derive(status("NORMAL", List.of(powerSafe), List.of(), List.of()), NOW);
        assertEquals(new StateVerdict(ContainerState.SAFE, "fail-safe: import reading not good"), v);
    }

    @Test
    void aCurtailmentToTheCapIsNormalOperation() {
        Verdict capped = new Verdict("power", 800, false, "import 2190 kW within import cap 2200 kW", List.of());
        assertEquals(ContainerState.NORMAL,
                ContainerStateRule.derive(status("NORMAL", List.of(capped), List.of(), List.of()), NOW).state());
    }

    @Test
    void warningsNameTheMostSevereConditionAndIgnoreInfo() {
        ControlStatus s = status("NORMAL", List.of(), List.of(condition("io.unavailable", Severity.INFO),
                condition("power.over-limit", Severity.WARNING), condition("comm.meter", Severity.CRITICAL)), List.of());
        StateVerdict v = ContainerStateRule.derive(s, NOW);
        assertEquals(ContainerState.WARNING, v.state());
        assertEquals("comm.meter message (and 1 more)", v.reason());
        assertEquals(ContainerState.NORMAL, ContainerStateRule.derive(status("NORMAL", List.of(),
                List.of(condition("io.unavailable", Severity.INFO)), List.of()), NOW).state());
        assertEquals(ContainerState.WARNING, ContainerStateRule.derive(stage("WARNING", "supply 41 degC"), NOW).state());
    }

    @Test
    void maintenanceShowsUnlessSomethingIsWorseAndItsOwnCommLossIsExpected() {
        ControlStatus quiet = status("NORMAL", List.of(), List.of(condition("comm.cdu.maintenance", Severity.WARNING)),
                List.of(CDU_WINDOW));
        assertEquals(new StateVerdict(ContainerState.MAINTENANCE, "cdu in maintenance"),
                ContainerStateRule.derive(quiet, NOW));
        ControlStatus worse = status("NORMAL", List.of(), List.of(condition("comm.meter", Severity.CRITICAL)),
                List.of(CDU_WINDOW));
        assertEquals(ContainerState.WARNING, ContainerStateRule.derive(worse, NOW).state());
    }

    @Test
    void aTripOutranksEverythingElse() {
        ControlStatus s = status("TRIPPED", List.of(new Verdict("power", 0, true, "fail-safe", List.of())),
                List.of(condition("comm.meter", Severity.CRITICAL)), List.of(CDU_WINDOW));
        assertEquals(ContainerState.TRIPPED, ContainerStateRule.derive(s, NOW).state());
    }
}
