package io.containeredge.control.allocation;

import io.containeredge.control.allocation.MinerAction.Kind;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.site.api.Limits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinerAllocatorTest {

    static final ControlConfig CFG = ControlConfig.defaults(new Limits(40, 45, 20, 60, 2500, 2200, 110, 140));

    static Arbiter.Decision limit(double kw) {
        return Arbiter.combine(List.of(new Verdict("test", kw, false, "limit " + kw, List.of())));
    }

    /** 10 miners at priority 0 and 4 AI/HPC racks at priority 10, all running at 3.5 kW. */
    static List<FleetMember> mixedFleet() {
        List<FleetMember> fleet = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            fleet.add(new FleetMember(i, 3500, i < 10 ? 0 : 10, true, true, 3500, false));
        }
        return fleet;
    }

    @Test
    void higherPriorityLoadIsNeverCurtailedBeforeTheMiners() {
        MinerAllocator.Outcome o = MinerAllocator.allocate(limit(20), mixedFleet(), CFG, 0, AllocatorState.initial());
        assertTrue(o.actions().stream().allMatch(a -> a.index() < 10), "only priority-0 miners touched: " + o.actions());
        assertTrue(o.committedKw() <= 20 + 1e-9);

        MinerAllocator.Outcome all = MinerAllocator.allocate(limit(7), mixedFleet(), CFG, 0, AllocatorState.initial());
        long hpcTouched = all.actions().stream().filter(a -> a.index() >= 10).count();
        long minersAsleep = all.actions().stream().filter(a -> a.index() < 10 && a.kind() == Kind.SLEEP).count();
        assertEquals(10, minersAsleep, "every miner asleep before any AI/HPC rack is touched");
        assertTrue(hpcTouched > 0, "then the AI/HPC racks, to hold 7 kW");
    }

    @Test
    void smallExcessIsTrimmedWithAPowerTargetNotASleep() {
        MinerAllocator.Outcome o = MinerAllocator.allocate(limit(48), mixedFleet(), CFG, 0, AllocatorState.initial());
        assertEquals(1, o.actions().size());
        assertEquals(Kind.POWER_TARGET, o.actions().get(0).kind());
        assertEquals(2500, o.actions().get(0).targetW(), 1);
    }
}
