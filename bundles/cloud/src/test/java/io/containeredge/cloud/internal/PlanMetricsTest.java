package io.containeredge.cloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.PlanStatus;
import io.containeredge.control.testing.RecordingControlService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.Test;

/** The plan node metrics: in the NBIRTH with their types, NaN and empty while there is no plan status. */
class PlanMetricsTest {

    static final long T0 = 1_800_000_000_000L;

    private final RecordingControlService control = RecordingControlService.forSite(2200).build();

    /** A plan solved at T0 in 84.5 ms, worth 22 + 2 - 5.5 - 1 - 0.25 = 17.25 USD, its slot now planned as given. */
    static PlanStatus plan(long solvedAtMillis, PlanStatus.Now now) {
        PlanStatus.Terms terms = new PlanStatus.Terms(11, 1, 2.75, 0.5, 0.125);
        return new PlanStatus(T0 + 60_000, PlanStatus.FOLLOWING, "plan solved 1 min ago is followed", solvedAtMillis,
                84.5, "new prices", new PlanStatus.Terms(22, 2, 5.5, 1, 0.25),
                List.of(new PlanStatus.Slot(T0, 95.04, 30, 400, 0, 250.06, 62.5, 1200, 40, 590, 0, 2200, 95, terms),
                        new PlanStatus.Slot(T0 + 900_000, 40, 20, 800, 120, -300, 75, 1400, 40, 0, 60, 2150,
                                Double.NaN, terms)),
                now);
    }

    static PlanStatus.Now now() {
        return new PlanStatus.Now(1200, 1180, 250, 180, "discharge limited by the battery's 180 kW", 62.5, 61, 590,
                600, 400, 380);
    }

    /** The NBIRTH of a node whose only metrics are the plan ones, decoded: name to metric. */
    private Map<String, Metric> birth() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        PlanMetrics.put(metrics, control);
        return NodeBirth.of(metrics);
    }

    @Test
    void theStateTheObjectiveTheSolveAndTheCurrentSlotAsPlannedAreNodeMetrics() {
        control.showsPlan(plan(T0, now()));
        Map<String, Metric> n = birth();
        assertEquals("FOLLOWING", n.get("Plan/State").getValue());
        assertEquals(MetricDataType.String, n.get("Plan/State").getDataType());
        assertEquals("new prices", n.get("Plan/Trigger").getValue());
        assertEquals(17.0, n.get("Plan/Objective USD").getValue(), "to the dollar: 17.25 USD");
        assertEquals(MetricDataType.Double, n.get("Plan/Objective USD").getDataType());
        assertEquals(84.5, n.get("Plan/Solve ms").getValue());
        assertEquals(250.0, n.get("Plan/Battery kW now").getValue(), "the plan's, not the 180 kW commanded");
        assertEquals(1200.0, n.get("Plan/Mining kW now").getValue());
        assertEquals(590.0, n.get("Plan/Import kW now").getValue());
        assertEquals(62.5, n.get("Plan/SoC planned %").getValue());
    }

    @Test
    void waitingForTheFirstSolveTheCurrentSlotIsNaN() {
        control.showsPlan(new PlanStatus(T0, PlanStatus.WAITING, "waiting for prices", 0, 0, "", PlanStatus.Terms.ZERO,
                List.of(), null));
        Map<String, Metric> n = birth();
        assertEquals("WAITING", n.get("Plan/State").getValue());
        assertTrue(Double.isNaN((Double) n.get("Plan/Battery kW now").getValue()));
        assertTrue(Double.isNaN((Double) n.get("Plan/SoC planned %").getValue()));
    }

    @Test
    void withoutAPlanStatusTheSameMetricsAreBornEmpty() {
        Map<String, Metric> n = birth();
        assertEquals("", n.get("Plan/State").getValue());
        assertEquals("", n.get("Plan/Trigger").getValue());
        assertTrue(Double.isNaN((Double) n.get("Plan/Objective USD").getValue()));
        assertTrue(Double.isNaN((Double) n.get("Plan/Mining kW now").getValue()));
        Map<String, Object> none = new LinkedHashMap<>();
        PlanMetrics.put(none, null);
        assertEquals(n.keySet().stream().filter(k -> k.startsWith("Plan/")).collect(Collectors.toSet()), none.keySet(),
                "the same names with no controller at all");
    }
}
