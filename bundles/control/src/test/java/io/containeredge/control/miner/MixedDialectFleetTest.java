package io.containeredge.control.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteDocuments;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet client on the mixed site, whose group 40..47 runs the Braiins OS-style REST firmware and whose other
 * miners speak the CGMiner-style TCP API: the same polls and commands reach both, each in its own dialect, from
 * the site's endpoints (on the simulator's ephemeral ports), over real sockets on loopback and a virtual clock.
 */
class MixedDialectFleetTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Four S19j Pro-class miners on cgminer, the eight on Braiins OS, four S21-class ones on cgminer. */
    private static final int FIRST = 36;
    private static final int LAST = 51;
    private static final int CGMINER = 38;
    private static final int BRAIINS = 41;

    private Simulator sim;
    private MinerFleet fleet;

    @BeforeEach
    void setUp() throws Exception {
        LoadedSite site = SiteDocuments.loadBuiltIn("mixed-container");
        sim = Simulator.start(site, SimulatorOptions.forTests());
        sim.advance(Duration.ofSeconds(5));
        List<MinerEndpoint> endpoints = MinerFleet.fromSite(site.config().miners()).subList(FIRST, LAST + 1).stream()
                .map(e -> new MinerEndpoint(e.index(), e.host(), sim.minerPort(e.index()), e.ratedW(), e.priority(),
                        e.dialect()))
                .toList();
        fleet = new MinerFleet(endpoints, TIMEOUT);
    }

    @AfterEach
    void tearDown() {
        fleet.close();
        sim.close();
    }

    private MinerStatus status(int miner) {
        return fleet.statuses().stream().filter(s -> s.index() == miner).findFirst().orElseThrow();
    }

    private List<CommandOutcome> run(MinerCommand... commands) {
        return fleet.execute(List.of(commands)).join();
    }

    @Test
    void bothDialectsReportHashratePowerTargetAndTemperature() {
        fleet.refresh();
        for (int i = FIRST; i <= LAST; i++) {
            MinerStatus s = status(i);
            assertTrue(s.reachable(), i + ": " + s.error());
            assertEquals(MinerMode.AWAKE, s.mode(), "miner " + i);
            double curve = sim.model().miner(i).unit().hashrateThAt(s.powerW());
            assertEquals(curve, s.hashrateThs(), curve * 0.06, "miner " + i + ": its unit's curve at its power");
            assertEquals(sim.model().miner(i).targetW(), s.targetW(), "miner " + i);
            assertTrue(s.maxTempC() > 20, "miner " + i + ": " + s.maxTempC());
            // both firmwares report a one-minute average (GHS 1m; real_hashrate.last_1m), which learning reads
            assertEquals(60, s.averageWindowSeconds(), "miner " + i);
            assertEquals(sim.model().miner(i).lastMinuteHashrateThs(), s.averageThs(), 0.01, "miner " + i);
        }
        assertEquals("braiins-rest", fleet.endpoints().get(BRAIINS - FIRST).dialect().id());
        assertEquals("not paused", status(BRAIINS).pauseReason());
        assertNull(status(CGMINER).pauseReason(), "the cgminer dialect reads no pause reason");
        assertEquals("braiins-rest", status(BRAIINS).dialect(), "each status says the dialect it was read in");
        assertEquals("cgminer", status(CGMINER).dialect());
        assertEquals(3500, status(BRAIINS).powerW());
        assertEquals(3068, status(CGMINER).powerW(), 1);
    }

    @Test
    void sleepAndWakeReachEitherFirmwareAndThePauseReasonShows() {
        List<CommandOutcome> slept = run(MinerCommand.sleep(CGMINER), MinerCommand.sleep(BRAIINS));
        slept.forEach(o -> assertTrue(o.ok(), o.message()));
        assertEquals("PUT /api/v1/actions/pause: 'false'", slept.get(1).message(), "it was not paused before");
        fleet.refresh();
        assertEquals(MinerMode.SLEEPING, status(CGMINER).mode());
        assertEquals(MinerMode.SLEEPING, status(BRAIINS).mode());
        assertEquals("paused by API", status(BRAIINS).pauseReason());
        sim.advance(Duration.ofSeconds(6));
        fleet.refresh();
        assertEquals(25, status(CGMINER).powerW());
        assertEquals(25, status(BRAIINS).powerW());
        assertEquals(0, status(BRAIINS).hashrateThs());

        run(MinerCommand.wake(CGMINER), MinerCommand.wake(BRAIINS)).forEach(o -> assertTrue(o.ok(), o.message()));
        sim.advance(Duration.ofSeconds(46));
        fleet.refresh();
        assertEquals(MinerMode.AWAKE, status(BRAIINS).mode());
        assertEquals(3500, status(BRAIINS).powerW(), "hashing again after the S21-class wake time");
        sim.advance(Duration.ofSeconds(15));
        fleet.refresh();
        assertEquals(3068, status(CGMINER).powerW(), 1, "after the S19j Pro-class wake time");
    }

    @Test
    void powerTargetsInRangeAreFollowedAndOneOutOfRangeIsRefusedWithTheMinersWords() {
        run(MinerCommand.powerTarget(BRAIINS, 2450), MinerCommand.powerTarget(48, 2450))
                .forEach(o -> assertTrue(o.ok(), o.message()));
        sim.advance(Duration.ofSeconds(3));
        fleet.refresh();
        for (int i : new int[] {BRAIINS, 48}) {
            assertEquals(2450, status(i).targetW());
            assertEquals(2450, status(i).powerW());
            double curve = sim.model().miner(i).unit().hashrateThAt(2450);
            assertEquals(curve, status(i).hashrateThs(), curve * 0.06);
        }
        CommandOutcome refused = run(MinerCommand.powerTarget(BRAIINS, 9000)).get(0);
        assertFalse(refused.ok());
        assertTrue(refused.message().endsWith("miner answered HTTP 400: power target 9000 W out of range 1050..3850 W"),
                refused.message());
    }

    @Test
    void aHangingOrUnreachableRestMinerIsWorstCaseAndHoldsUpNoOther() throws Exception {
        sim.inject("miner-hang 42");
        sim.inject("miner-unreachable 43");
        Thread.sleep(400); // faults reach the REST listeners on their next sweep
        long t0 = System.nanoTime();
        fleet.refresh();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1800, "one timeout for the poll, however many requests: " + ms + " ms");
        MinerStatus hung = status(42);
        assertFalse(hung.reachable());
        assertTrue(hung.error().contains("no answer within 1000 ms"), hung.error());
        assertEquals(3500, hung.powerW(), "a silent miner counts at its rated power");
        assertTrue(status(43).error().contains("cannot connect"), status(43).error());
        assertTrue(status(BRAIINS).reachable());
        assertTrue(status(CGMINER).reachable());
    }
}
