package io.containeredge.control.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.thermal.ThermalState.Stage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The container's state, derived once per cycle with the status: the most severe one wins. */
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

    /** What the status of that cycle carries. */
    private static Derived derive(ControlStatus status) {
        return new Derived(status.state(), status.stateReason());
    }

    private record Derived(ContainerState state, String reason) {
    }

    private static final MaintenanceWindow CDU_WINDOW = new MaintenanceWindow("cdu", 0, NOW + 60_000, "console:tom");

    @Test
    void aLatchedThermalTripIsTrippedWithTheGuardsReason() {
        Derived v = derive(stage(Stage.TRIPPED.name(), "tripped (latched): pump stopped"));
        assertEquals(new Derived(ContainerState.TRIPPED, "tripped (latched): pump stopped"), v);
    }

    @Test
    void anEmergencyStopIsTrippedEvenWithTheCoolingNormal() {
        Verdict estop = new Verdict("emergency-stop", 0, true, "emergency stop pressed", List.of());
        assertEquals(ContainerState.TRIPPED,
                derive(status(Stage.NORMAL.name(), List.of(estop), List.of(), List.of())).state());
    }

    @Test
    void aFailSafeLevelOfEitherGuardIsSafe() {
        assertEquals(ContainerState.SAFE, derive(stage(Stage.SAFE.name(), "fail-safe: supply stale")).state());
        Verdict powerSafe = new Verdict("power", 0, true, "fail-safe: import reading not good", List.of());
        Derived v = derive(status(Stage.NORMAL.name(), List.of(powerSafe), List.of(), List.of()));
        assertEquals(new Derived(ContainerState.SAFE, "fail-safe: import reading not good"), v);
    }

    @Test
    void aCurtailmentToTheCapIsNormalOperation() {
        Verdict capped = new Verdict("power", 800, false, "import 2190 kW within import cap 2200 kW", List.of());
        assertEquals(ContainerState.NORMAL,
                derive(status(Stage.NORMAL.name(), List.of(capped), List.of(), List.of())).state());
    }

    @Test
    void warningsNameTheMostSevereConditionAndIgnoreInfo() {
        ControlStatus s = status(Stage.NORMAL.name(), List.of(), List.of(condition("io.unavailable", Severity.INFO),
                condition("power.over-limit", Severity.WARNING), condition("comm.meter", Severity.CRITICAL)), List.of());
        Derived v = derive(s);
        assertEquals(ContainerState.WARNING, v.state());
        assertEquals("comm.meter message (and 1 more)", v.reason());
        assertEquals(ContainerState.NORMAL, derive(status(Stage.NORMAL.name(), List.of(),
                List.of(condition("io.unavailable", Severity.INFO)), List.of())).state());
        assertEquals(ContainerState.WARNING, derive(stage(Stage.WARNING.name(), "supply 41 degC")).state());
    }

    @Test
    void maintenanceShowsUnlessSomethingIsWorseAndItsOwnCommLossIsExpected() {
        ControlStatus quiet = status(Stage.NORMAL.name(), List.of(), List.of(condition("comm.cdu.maintenance", Severity.WARNING)),
                List.of(CDU_WINDOW));
        assertEquals(new Derived(ContainerState.MAINTENANCE, "cdu in maintenance"),
                derive(quiet));
        ControlStatus worse = status(Stage.NORMAL.name(), List.of(), List.of(condition("comm.meter", Severity.CRITICAL)),
                List.of(CDU_WINDOW));
        assertEquals(ContainerState.WARNING, derive(worse).state());
    }

    @Test
    void aTripOutranksEverythingElse() {
        ControlStatus s = status(Stage.TRIPPED.name(), List.of(new Verdict("power", 0, true, "fail-safe", List.of())),
                List.of(condition("comm.meter", Severity.CRITICAL)), List.of(CDU_WINDOW));
        assertEquals(ContainerState.TRIPPED, derive(s).state());
    }
}
