package io.containeredge.control.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.MinerModel;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet against the simulated demo container (240 miners of three models, each rated at its model's nominal
 * power; sleep 3 s, wake 8 s) on
 * a virtual clock: simulated time moves only with {@code sim.advance}, the miners' sockets are real.
 */
class MinerFleetTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private Simulator sim;
    private MinerFleet fleet;
    private final List<AutoCloseable> extras = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        sim = Simulator.start(SiteDocuments.loadBuiltIn("demo-container"), SimulatorOptions.forTests());
        sim.advance(Duration.ofSeconds(5));
        fleet = new MinerFleet(endpoints(sim.site().miners().count()), TIMEOUT);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        for (AutoCloseable c : extras) {
            c.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private List<MinerEndpoint> endpoints(int n) {
        // each in its site's dialect: the demo's miners 40-47 run the Braiins OS-style firmware
        return IntStream.range(0, n).mapToObj(i -> new MinerEndpoint(i, "127.0.0.1", sim.minerPort(i), ratedW(i), 0,
                sim.site().miners().dialectOf(i))).toList();
    }

    private double ratedW(int miner) {
        return sim.site().miners().ratedPowerWOf(miner);
    }

    private MinerModel modelOf(int miner) {
        return sim.site().miners().modelOf(miner).orElseThrow();
    }

    private MinerStatus status(int miner) {
        return fleet.statuses().get(miner);
    }

    private List<CommandOutcome> run(MinerCommand... commands) {
        return fleet.execute(List.of(commands)).join();
    }

    @Test
    void beforeTheFirstPollEveryMinerCountsAtRatedPower() {
        assertEquals(sim.site().miners().ratedFleetPowerW(), fleet.totalPowerW(), 1e-6);
        assertEquals(MinerMode.UNKNOWN, status(0).mode());
    }

    @Test
    void summaryIsParsed() {
        fleet.refresh();
        MinerStatus s = status(3);
        assertTrue(s.reachable());
        assertEquals(MinerMode.AWAKE, s.mode());
        assertEquals(ratedW(3), s.powerW(), 20);
        assertEquals(ratedW(3), s.targetW());
        double nominalTh = modelOf(3).nominalHashrateTh();
        assertEquals(nominalTh, s.hashrateThs(), nominalTh * 0.1);
        assertTrue(s.maxTempC() > 20 && s.maxTempC() < 100, "chip temperature " + s.maxTempC());
        assertNull(s.error());
        assertTrue(s.updatedMillis() > 0);
    }

    @Test
    void refreshesAll240MinersConcurrentlyInWellUnderTwoSeconds() {
        fleet.refresh(); // warms up class loading and JIT; the timed one below is the steady state
        long t0 = System.nanoTime();
        List<MinerStatus> all = fleet.refresh();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(240, all.size());
        assertTrue(all.stream().allMatch(MinerStatus::reachable));
        assertEquals(sim.site().miners().ratedFleetPowerW(), fleet.totalPowerW(), 240 * 20);
        assertTrue(ms < 1000, "refresh of 240 miners took " + ms + " ms");
    }

    @Test
    void sleepThenWake() {
        CommandOutcome slept = run(MinerCommand.sleep(10)).get(0);
        assertTrue(slept.ok(), slept.message());
        sim.advance(Duration.ofSeconds(4)); // sleep takes 3 s on the demo site
        fleet.refresh();
        assertEquals(MinerMode.SLEEPING, status(10).mode());
        assertEquals(25, status(10).powerW(), 1);
        assertEquals(0, status(10).hashrateThs());

        CommandOutcome woke = run(MinerCommand.wake(10)).get(0);
        assertTrue(woke.ok(), woke.message());
        sim.advance(Duration.ofSeconds(2));
        fleet.refresh();
        assertEquals(MinerMode.AWAKE, status(10).mode(), "waking counts as awake: it is drawing more already");
        assertTrue(status(10).powerW() < ratedW(10) / 2, "still ramping up: " + status(10).powerW());
        sim.advance(Duration.ofSeconds(7)); // wake takes 8 s
        fleet.refresh();
        assertEquals(ratedW(10), status(10).powerW(), 20);
        assertTrue(status(10).hashrateThs() > modelOf(10).nominalHashrateTh() * 0.9, "hashing again");
    }

    @Test
    void powerTarget() {
        CommandOutcome o = run(MinerCommand.powerTarget(20, 3000)).get(0);
        assertTrue(o.ok(), o.message());
        assertEquals("Power target set to 3000 W", o.message());
        sim.advance(Duration.ofSeconds(2)); // firmware ramps 1 kW/s
        fleet.refresh();
        assertEquals(3000, status(20).targetW());
        assertEquals(3000, status(20).powerW(), 20);
        assertTrue(status(20).hashrateThs() < status(21).hashrateThs());
    }

    @Test
    void rejectedPowerTargetFailsWithTheMinersMessage() {
        CommandOutcome o = run(MinerCommand.powerTarget(20, 9000)).get(0);
        assertFalse(o.ok());
        String range = (long) modelOf(20).minPowerW() + ".." + (long) modelOf(20).maxPowerW();
        assertTrue(o.message().contains("STATUS E: Power target 9000 W out of range " + range + " W"), o.message());
    }

    @Test
    void hangingMinerTimesOutAloneWhileTheOthersCompleteFast() throws Exception {
        sim.inject("miner-hang 5");
        Thread.sleep(200); // the fault is applied on the simulator's selector thread
        List<MinerCommand> commands = IntStream.range(0, 20).mapToObj(MinerCommand::sleep).toList();
        long t0 = System.nanoTime();
        List<CommandOutcome> outcomes = fleet.execute(commands).join();
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(20, outcomes.size());
        CommandOutcome hung = outcomes.get(5);
        assertFalse(hung.ok());
        assertTrue(hung.message().contains("no answer within 1000 ms"), hung.message());
        assertTrue(hung.durationMillis() >= 950, "hung for " + hung.durationMillis() + " ms");
        for (CommandOutcome o : outcomes) {
            if (o != hung) {
                assertTrue(o.ok(), o.message());
                assertTrue(o.durationMillis() < 300, "miner " + o.command().index() + " took "
                        + o.durationMillis() + " ms");
            }
        }
        // one timeout for the whole batch, not one per command
        assertTrue(ms >= 950 && ms < 1800, "batch took " + ms + " ms");
        assertEquals(outcomes, fleet.recentOutcomes().subList(0, 20).stream()
                .sorted((a, b) -> Integer.compare(a.command().index(), b.command().index())).toList());
    }

    @Test
    void commandsForOneMinerRunInListOrder() {
        List<CommandOutcome> outcomes = run(MinerCommand.sleep(30), MinerCommand.wake(30),
                MinerCommand.wake(31), MinerCommand.sleep(31));
        assertTrue(outcomes.stream().allMatch(CommandOutcome::ok));
        sim.advance(Duration.ofSeconds(10));
        fleet.refresh();
        assertEquals(MinerMode.AWAKE, status(30).mode(), "wake came last");
        assertEquals(MinerMode.SLEEPING, status(31).mode(), "sleep came last");
    }

    @Test
    void aHangingMinersSecondCommandWaitsForItsFirstButNoOtherMinerDoes() throws Exception {
        sim.inject("miner-hang 5");
        Thread.sleep(200); // the fault is applied on the simulator's selector thread
        List<CommandOutcome> outcomes = run(MinerCommand.sleep(5), MinerCommand.wake(5), MinerCommand.sleep(6));
        long gap = outcomes.get(1).startedMillis() - outcomes.get(0).startedMillis();
        assertTrue(gap >= 950, "second command to miner 5 started " + gap + " ms after the first");
        assertFalse(outcomes.get(1).ok());
        assertTrue(outcomes.get(2).ok() && outcomes.get(2).durationMillis() < 300);
    }

    @Test
    void unreachableMinerIsWorstCase() throws Exception {
        sim.inject("miner-unreachable 7");
        long deadline = System.currentTimeMillis() + 3000; // the simulator closes the port within ~0.4 s
        while (status(7).reachable() || status(7).updatedMillis() == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "miner 7 still answers");
            fleet.refresh();
        }
        MinerStatus s = status(7);
        assertEquals(MinerMode.UNKNOWN, s.mode());
        assertEquals(ratedW(7), s.powerW());
        assertTrue(s.error().contains("cannot connect"), s.error());
        assertTrue(status(8).reachable());

        CommandOutcome o = run(MinerCommand.sleep(7)).get(0);
        assertFalse(o.ok());
        assertTrue(o.durationMillis() < 500, "refused at once, not after the timeout: " + o.durationMillis());
    }

    @Test
    void malformedAnswerMarksTheMinerUnreachableWithoutHarmingTheOthers() throws Exception {
        FakeMiner garbage = FakeMiner.answering("not json at all\u0000");
        extras.add(garbage);
        fleet.close();
        fleet = new MinerFleet(List.of(new MinerEndpoint(0, "127.0.0.1", sim.minerPort(0), ratedW(0)),
                new MinerEndpoint(1, "127.0.0.1", garbage.port(), ratedW(1))), TIMEOUT);
        fleet.refresh();
        assertTrue(status(0).reachable());
        assertFalse(status(1).reachable());
        assertTrue(status(1).error().contains("malformed JSON"), status(1).error());
        assertEquals(ratedW(1), status(1).powerW());
    }

    @Test
    void commandForAnUnknownMinerFails() {
        CommandOutcome o = run(MinerCommand.wake(999)).get(0);
        assertFalse(o.ok());
        assertEquals("no miner 999 in this fleet", o.message());
    }

    @Test
    void endpointsFromTheSite() {
        List<MinerEndpoint> e = MinerFleet.fromSite(new MinerFleetConfig(240, "127.0.0.1", 14100, 3500, 20));
        assertEquals(240, e.size());
        assertEquals(new MinerEndpoint(239, "127.0.0.1", 14339, 3500, 0), e.get(239));
    }
}
