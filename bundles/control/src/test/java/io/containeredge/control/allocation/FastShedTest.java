package io.containeredge.control.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.control.allocation.MinerAction.Kind;
import io.containeredge.control.api.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A verdict that asks for a fast shed (the under-frequency guard's) is met by sleep commands alone, never by power
 * targets, which firmwares take seconds to follow; with the hard cut the sockets are cut in the same cycle.
 */
class FastShedTest {

    private static Arbiter.Decision limit(double kw, Verdict.Shedding how) {
        return Arbiter.combine(List.of(new Verdict("test", kw, true, "limit " + kw, List.of()).withShedding(how),
                Verdict.free("other")));
    }

    private static List<MinerAction> actions(Arbiter.Decision d) {
        return MinerAllocator.allocate(d, MinerAllocatorTest.mixedFleet(), MinerAllocatorTest.CFG, 0,
                AllocatorState.initial()).actions();
    }

    @Test
    void aSmallExcessIsMetBySleepingAWholeMinerNotByATrim() {
        assertEquals(List.of(Kind.POWER_TARGET), actions(limit(48, Verdict.Shedding.GRADUAL)).stream()
                .map(MinerAction::kind).toList(), "gradual: a trim, as always");
        List<MinerAction> fast = actions(limit(48, Verdict.Shedding.SLEEP));
        assertEquals(List.of(Kind.SLEEP), fast.stream().map(MinerAction::kind).toList());
        assertEquals(9, fast.get(0).index(), "the last in the curtail order");
    }

    @Test
    void aHardCutCutsTheSocketsOfTheMinersItSleeps() {
        List<MinerAction> cut = actions(limit(35, Verdict.Shedding.SLEEP_AND_CUT));
        assertEquals(4, cut.stream().filter(a -> a.kind() == Kind.SLEEP).count(), "14 kW of 49 kW: four miners");
        assertEquals(cut.stream().filter(a -> a.kind() == Kind.SLEEP).map(MinerAction::index).toList(),
                cut.stream().filter(a -> a.kind() == Kind.CUT_POWER).map(MinerAction::index).toList());
    }

    @Test
    void theMostUrgentLimitingVerdictDecidesHowLoadsComeDown() {
        Arbiter.Decision d = Arbiter.combine(List.of(new Verdict("thermal", 20, false, "hot", List.of()),
                new Verdict("under-frequency", 30, true, "dip", List.of()).withShedding(Verdict.Shedding.SLEEP),
                Verdict.free("power").withShedding(Verdict.Shedding.SLEEP_AND_CUT)));
        assertEquals(Verdict.Shedding.SLEEP, d.shedding(), "a verdict that does not limit asks for nothing");
    }
}
