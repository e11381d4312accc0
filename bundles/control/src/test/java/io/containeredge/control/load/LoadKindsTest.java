package io.containeredge.control.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.limit.Cycle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry reads every kind's units for the guards and hands every kind its share. */
class LoadKindsTest {

    static final Cycle CYCLE = new Cycle(null, Map.of(), 0, 0);

    /** A kind with fixed units that records the shares it is given. */
    static final class FixedLoad implements LoadKind {
        final Commitment commitment;
        final double floorKw;
        final List<LoadUnit> units;
        final List<Double> shares = new ArrayList<>();

        FixedLoad(Commitment commitment, double floorKw, LoadUnit... units) {
            this.commitment = commitment;
            this.floorKw = floorKw;
            this.units = List.of(units);
        }

        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public Commitment commitment() {
            return commitment;
        }

        @Override
        public double floorKw() {
            return floorKw;
        }

        @Override
        public double valuePerKw() {
            return 1;
        }

        @Override
        public LoadSteps steps() {
            return new LoadSteps(1, true, false, Duration.ofSeconds(5));
        }

        @Override
        public List<LoadUnit> observe(Cycle cycle) {
            return units;
        }

        @Override
        public double apply(Arbiter.Decision grant, Cycle cycle) {
            shares.add(grant.maxMinerKw());
            return grant.maxMinerKw();
        }
    }

    @Test
    void theGuardsSeeEveryKindsRunningDrawAndEveryRating() {
        FixedLoad miners = new FixedLoad(LoadKind.Commitment.FLEXIBLE, 0, new LoadUnit("0", 3400, 3500, true),
                new LoadUnit("1", 25, 3500, false));
        FixedLoad rack = new FixedLoad(LoadKind.Commitment.FIRM, 20, new LoadUnit("rack", 30_000, 40_000, true));
        LoadKinds.Draw draw = LoadKinds.of(miners).and(LoadKinds.of(rack)).observe(CYCLE);
        assertEquals(33.4, draw.runningKw(), 1e-9, "a sleeping unit's few watts are not controlled load");
        assertEquals(47, draw.ratedKw(), 1e-9);
    }

    @Test
    void everyKindFollowsItsShareWithTheDecisionsHoldAndReason() {
        FixedLoad miners = new FixedLoad(LoadKind.Commitment.FLEXIBLE, 0, new LoadUnit("0", 3500, 3500, true));
        FixedLoad rack = new FixedLoad(LoadKind.Commitment.FIRM, 20, new LoadUnit("rack", 30_000, 40_000, true));
        LoadKinds kinds = LoadKinds.of(miners, rack);
        Arbiter.Decision d = Arbiter.combine(List.of(new Verdict("power", 22, false, "cap", List.of())));
        kinds.allocate(d, kinds.observe(CYCLE), CYCLE);
        assertEquals(List.of(2.0), miners.shares);
        assertEquals(List.of(20.0), rack.shares);
    }
}
