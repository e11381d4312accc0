package io.containeredge.control.allocation;

import static io.containeredge.control.allocation.MinerAllocatorTest.CFG;
import static io.containeredge.control.allocation.MinerAllocatorTest.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.allocation.AllocatorState.Commanded;
import io.containeredge.control.allocation.MinerAction.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The allocator with economics' values: least valuable curtailed first, most valuable restored first, steps held. */
class EconomicAllocationTest {

    /** Four awake 3.5 kW miners valued 5, 1, 3 and 2 USD/h per kW, each with this step. */
    private static List<FleetMember> valued(double stepW) {
        double[] values = {5, 1, 3, 2};
        List<FleetMember> fleet = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            fleet.add(new FleetMember(i, 3500, 0, true, true, 3500, false, new MinerValue(values[i], stepW)));
        }
        return fleet;
    }

    private static List<Integer> indices(List<MinerAction> actions) {
        return actions.stream().map(MinerAction::index).toList();
    }

    @Test
    void theLeastValuableMinerIsCurtailedFirst() {
        MinerAllocator.Outcome o = MinerAllocator.allocate(limit(10.5), valued(Double.POSITIVE_INFINITY), CFG, 0,
                AllocatorState.initial());
        assertEquals(List.of(1), indices(o.actions()), "the miner worth 1 USD/h per kW, not the highest index");
        assertEquals(Kind.SLEEP, o.actions().get(0).kind());
    }

    @Test
    void everyMinerIsBroughtToItsStepLeastValuableFirstBeforeAnyIsTakenFurther() {
        MinerAllocator.Outcome o = MinerAllocator.allocate(limit(10), valued(2500), CFG, 0, AllocatorState.initial());
        assertEquals(List.of(1, 3, 2, 0), indices(o.actions()));
        assertTrue(o.actions().stream().allMatch(a -> a.kind() == Kind.POWER_TARGET && a.targetW() == 2500),
                o.actions()::toString);
        assertEquals(10, o.committedKw(), 1e-9);

        MinerAllocator.Outcome lower = MinerAllocator.allocate(limit(6.5), valued(2500), CFG, 0,
                AllocatorState.initial());
        assertEquals(List.of(1, 3, 2, 0, 1, 3), indices(lower.actions()), "then the least valuable further");
        assertEquals(Kind.SLEEP, lower.actions().get(4).kind());
        assertEquals(new MinerAction(3, Kind.POWER_TARGET, 1500, "test: limit 6.5"), lower.actions().get(5));
        assertEquals(6.5, lower.committedKw(), 1e-9);
    }

    @Test
    void aMinerWokenBelowItsRatingIsWokenAtItsStepTheMostValuableFirst() {
        List<FleetMember> asleep = valued(2000).stream().map(m -> new FleetMember(m.index(), 3500, 0, false, true, 25,
                false, m.value())).toList();
        AllocatorState slept = new AllocatorState(Map.of(0, new Commanded(Kind.SLEEP, 0, 0), 1,
                new Commanded(Kind.SLEEP, 0, 0), 2, new Commanded(Kind.SLEEP, 0, 0), 3,
                new Commanded(Kind.SLEEP, 0, 0)), 0, 59_000);
        MinerAllocator.Outcome o = MinerAllocator.allocate(limit(5), asleep, CFG, 60_000, slept);
        assertEquals(List.of(0, 2), indices(o.actions()), "the two most valuable, 2 kW each, within 5 kW");
        assertTrue(o.actions().stream().allMatch(a -> a.kind() == Kind.WAKE && a.targetW() == 2000),
                o.actions()::toString);
        assertEquals(4, o.committedKw(), 1e-9);
    }

    @Test
    void aMinerIsTrimmedToAnEconomicStepJustUnderTheUsualLowestShareNotPutToSleep() {
        // 1,650 W is its model's lowest power target, 29.9 % of its 5,512 W rating
        List<FleetMember> fleet = List.of(new FleetMember(0, 5512, 0, true, true, 5512, false, new MinerValue(1, 1650)));
        MinerAllocator.Outcome o = MinerAllocator.allocate(limit(1.65), fleet, CFG, 0, AllocatorState.initial());
        assertEquals(List.of(new MinerAction(0, Kind.POWER_TARGET, 1650, "test: limit 1.65")), o.actions());
        MinerAllocator.Outcome lower = MinerAllocator.allocate(limit(1.6), fleet, CFG, 0, AllocatorState.initial());
        assertEquals(Kind.SLEEP, lower.actions().get(lower.actions().size() - 1).kind(), "below its step: asleep");
    }

    @Test
    void aMinerWokenAtItsStepIsRaisedWhenItsStepRises() {
        List<FleetMember> fleet = List.of(new FleetMember(0, 3500, 0, true, true, 1000, false, new MinerValue(5, 3500)));
        AllocatorState woken = new AllocatorState(Map.of(0, new Commanded(Kind.WAKE, 1000, 0)), 0, 59_000);
        MinerAllocator.Outcome o = MinerAllocator.allocate(limit(100), fleet, CFG, 60_000, woken);
        assertEquals(List.of(new MinerAction(0, Kind.POWER_TARGET, 3500, "load allowed back, ramp-limited")),
                o.actions(), "not left at the step it was woken at");
    }

    @Test
    void aMinerEconomicsWantsAsleepIsNotWokenAndOneBelowItsStepIsRaisedOnlyToIt() {
        List<FleetMember> fleet = new ArrayList<>(valued(0).subList(0, 2));
        fleet.set(0, new FleetMember(0, 3500, 0, false, true, 25, false, new MinerValue(1, 0)));
        fleet.set(1, new FleetMember(1, 3500, 0, true, true, 1500, false, new MinerValue(5, 2800)));
        AllocatorState state = new AllocatorState(Map.of(0, new Commanded(Kind.SLEEP, 0, 0), 1,
                new Commanded(Kind.POWER_TARGET, 1500, 0)), 0, 59_000);
        MinerAllocator.Outcome o = MinerAllocator.allocate(limit(100), fleet, CFG, 60_000, state);
        assertEquals(1, o.actions().size(), o.actions()::toString);
        assertEquals(new MinerAction(1, Kind.POWER_TARGET, 2800, "load allowed back, ramp-limited"), o.actions().get(0));
    }
}
