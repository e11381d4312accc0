package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.load.LoadKind;
import io.containeredge.control.load.LoadKinds;
import io.containeredge.control.load.LoadSteps;
import io.containeredge.control.load.LoadUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load kind and a limit source added by one class each and their registration, the arbiter and the load
 * budget untouched: an AI rack under contract (firm, 40 kW floor) beside the 40 miners of the demo site
 * (140 kW), and a grid event that allows 100 kW for two minutes.
 */
class RackAndGridEventScenarioTest {

    static final long EVENT_FROM = LoopRig.T0 + 10_000;
    static final long EVENT_UNTIL = LoopRig.T0 + 130_000;
    static final double EVENT_KW = 100;
    static final double EPS = 1e-6;

    @TempDir
    Path dir;

    /** GPU servers under contract, capped out of band: firm up to 40 kW, worth less per kW than the miners above it. */
    static final class RackLoad implements LoadKind {
        static final double RATED_KW = 60;
        private double capKw = RATED_KW;

        @Override
        public String name() {
            return "rack";
        }

        @Override
        public Commitment commitment() {
            return Commitment.FIRM;
        }

        @Override
        public double floorKw() {
            return 40;
        }

        @Override
        public double valuePerKw() {
            return 0.5;
        }

        @Override
        public LoadSteps steps() {
            return new LoadSteps(0.5, false, false, Duration.ofSeconds(1));
        }

        @Override
        public List<LoadUnit> observe(Cycle cycle) {
            return List.of(new LoadUnit("rack-1", drawKw() * 1000, RATED_KW * 1000, true));
        }

        /** Its power cap follows the share at once. */
        @Override
        public double apply(Arbiter.Decision grant, Cycle cycle) {
            capKw = Math.min(RATED_KW, grant.maxMinerKw());
            return capKw;
        }

        double drawKw() {
            return capKw;
        }
    }

    /** A coincident-peak event: 100 kW for the controllable loads, on the wall clock. */
    static final class GridEventLimit implements LimitSource {

        @Override
        public Verdict.Strength strength() {
            return Verdict.Strength.SOFT;
        }

        @Override
        public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
            boolean on = cycle.wallMillis() >= EVENT_FROM && cycle.wallMillis() < EVENT_UNTIL;
            return List.of(on ? new Verdict("grid event", EVENT_KW, false, "4CP", List.of(), Verdict.Strength.SOFT,
                    EVENT_UNTIL) : Verdict.free("grid event"));
        }
    }

    /** Whole miners up to the share: the allocator trims one miner or puts it to sleep when a trim would go too low. */
    private static void assertMinersTakeTheRest(double committedKw, double shareKw) {
        assertTrue(committedKw <= shareKw + EPS && committedKw > shareKw - 3.5, "miners " + committedKw + " kW of "
                + shareKw);
    }

    @Test
    void theRackKeepsItsFloorTheMinersTakeTheRestTheEventBindsUnlessAHardLimitIsLowerAndTheMinersRampBack()
            throws Exception {
        RackLoad rack = new RackLoad();
        LoopRig rig = new LoopRig(dir, LimitSources.of(new GridEventLimit()), LoadKinds.of(rack));
        rig.otherLoadsKw = rack::drawKw;
        rig.batteryEmpty(); // an override must be met by the loads, not covered by the battery

        rig.runFor(5);
        assertEquals(RackLoad.RATED_KW, rack.drawKw(), "no event: the rack runs at its rating");
        assertEquals(140, rig.loop.status().committedKw(), EPS);
        assertEquals(LoopRig.MINERS, rig.minersAwake());

        rig.runFor(10);
        ControlStatus event = rig.loop.status();
        assertEquals("grid event: 4CP", event.binding());
        assertEquals(EVENT_KW, event.maxMinerKw());
        assertEquals(40, rack.drawKw(), "the rack's floor first; above it the miners are worth more");
        assertMinersTakeTheRest(event.committedKw(), EVENT_KW - 40);
        String until = DateTimeFormatter.ofPattern("HH:mm").format(Instant.ofEpochMilli(EVENT_UNTIL)
                .atZone(ZoneId.systemDefault()));
        assertTrue(event.limitedBy().startsWith("miners limited by: grid event: 4CP until " + until + " → 100 kW; power: "),
                event.limitedBy());

        rig.loop.overrideImportCap(80, Duration.ofMinutes(10), "ops", rig.now);
        rig.runFor(60);
        ControlStatus hard = rig.loop.status();
        assertEquals("power", hard.bindingGuard(), "a hard limit below the event wins");
        assertTrue(hard.maxMinerKw() < 80 - 25, "the cap less the auxiliaries: " + hard.maxMinerKw());
        assertEquals(40, rack.drawKw(), "firm floors are shed last");
        assertTrue(hard.committedKw() <= hard.maxMinerKw() - 40 + EPS, "miners: " + hard.committedKw());
        assertTrue(hard.limitedBy().startsWith("miners limited by: power: ")
                && hard.limitedBy().contains("import cap override 80 kW"), hard.limitedBy());
        assertTrue(hard.limitedBy().contains("; grid event: 4CP until " + until + " → 100 kW"), hard.limitedBy());

        rig.loop.liftImportCap("ops", rig.now);
        while (rig.now < EVENT_UNTIL) {
            rig.runFor(0.25);
        }
        assertEquals("grid event: 4CP", rig.loop.status().binding(), "the event binds again until it ends");
        assertMinersTakeTheRest(rig.loop.status().committedKw(), EVENT_KW - 40);

        double endKw = rig.loop.status().committedKw();
        long end = rig.now;
        double rampKwPerS = ControlConfig.defaults(rig.site.limits()).wakeRampKwPerS();
        // the wake budget refills at the ramp and keeps at most a second of it (or one miner) while unused
        double savedKw = Math.max(rampKwPerS, 3.5);
        assertTrue(140 - endKw > savedKw, "more to bring back than the saved budget: the ramp shows");
        for (int i = 0; i < 240; i++) {
            long cycleAt = rig.now;
            rig.runFor(0.25);
            double allowedKw = savedKw + rampKwPerS * (cycleAt - end) / 1000.0;
            assertTrue(rig.loop.status().committedKw() - endKw <= allowedKw + EPS,
                    "miners back at the wake ramp, not at once: " + rig.loop.status().committedKw() + " kW at "
                            + (cycleAt - end) + " ms");
        }
        assertEquals(140, rig.loop.status().committedKw(), EPS);
        assertEquals(LoopRig.MINERS, rig.minersAwake());
        assertEquals(RackLoad.RATED_KW, rack.drawKw());
        assertTrue(rig.loop.status().limitedBy().startsWith("miners limited by: power: "), rig.loop.status().limitedBy());
    }
}
