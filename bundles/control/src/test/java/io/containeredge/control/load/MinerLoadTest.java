package io.containeredge.control.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.site.api.Limits;
import org.junit.jupiter.api.Test;

/** What the miners declare as a load kind; their allocation is covered by the allocator's and the loop's tests. */
class MinerLoadTest {

    @Test
    void minersAreFlexibleWithPowerTargetsSleepAndACutAfterTheSleepConfirmTime() {
        ControlConfig cfg = ControlConfig.defaults(new Limits(40, 45, 20, 60, 2500, 2200, 110, 140));
        MinerLoad miners = new MinerLoad(cfg, null, null, null, index -> MinerValue.NONE);
        assertEquals(LoadKind.Commitment.FLEXIBLE, miners.commitment());
        assertEquals(0, miners.floorKw());
        assertTrue(miners.valuePerKw() > 0);
        assertEquals(new LoadSteps(0.3, true, true, cfg.sleepConfirm()), miners.steps());
        assertTrue(miners.steps().powerTarget());
    }
}
