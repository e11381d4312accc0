package io.containeredge.simulator.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.site.api.MinerModel;
import io.containeredge.site.api.MinerSpread;
import io.containeredge.site.api.SimulationConfig;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.physics.ContainerModel;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The simulated miners of the mixed-fleet site hash by their model's curve: each unit within its spread
 * (+-5 %), every 50th unit a third less (a dead hashboard), the same units on every run.
 */
class ModelUnitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Integer> DEGRADED = List.of(49, 99, 149, 199);

    private static SiteConfig mixed() throws Exception {
        return SiteDocuments.loadBuiltIn("mixed-container").config();
    }

    private static ContainerModel model(SiteConfig site, long simulatorSeed) {
        return new ContainerModel(site, simulatorSeed, 1_700_000_000_000L);
    }

    /** A unit's hashrate relative to its model's curve at its present power. */
    private static double ratio(ContainerModel c, SiteConfig site, int i) {
        Miner m = c.miner(i);
        MinerModel model = site.miners().modelOf(i).orElseThrow();
        return m.hashrateThs() / model.curve().hashrateThAt(m.powerW());
    }

    @Test
    void everyUnitHashesItsModelsCurveWithinItsSpreadAndTheConfiguredUnitsAreDegraded() throws Exception {
        SiteConfig site = mixed();
        ContainerModel c = model(site, 1);
        c.advance(1000);
        List<Integer> degraded = IntStream.range(0, c.minerCount()).filter(i -> ratio(c, site, i) < 0.9).boxed().toList();
        assertEquals(DEGRADED, degraded);
        for (int i = 0; i < c.minerCount(); i++) {
            double r = ratio(c, site, i) / (DEGRADED.contains(i) ? 0.67 : 1);
            assertTrue(r >= 0.95 && r <= 1.05, "miner " + i + " hashes " + r + " of its curve");
            assertEquals(site.miners().ratedPowerWOf(i), c.miner(i).powerW(), 1e-6, "miner " + i);
        }
        double[] healthy = IntStream.range(0, 240).filter(i -> !DEGRADED.contains(i))
                .mapToDouble(i -> ratio(c, site, i)).sorted().toArray();
        assertTrue(healthy[0] < 0.97 && healthy[healthy.length - 1] > 1.03, "the units really spread");
        assertEquals(160 * 3500 + 40 * 3068 + 40 * 5512, c.minersKw() * 1000, 1e-3);
    }

    @Test
    void theSummaryReportsTheCurveAtThePowerTargetAndTheModelsRange() throws Exception {
        SiteConfig site = mixed();
        try (Simulator sim = Simulator.start(SiteDocuments.loadBuiltIn("mixed-container"), SimulatorOptions.forTests())) {
            ContainerModel c = sim.model();
            sim.advance(Duration.ofSeconds(1));
            double atNominal;
            synchronized (c) {
                atNominal = ratio(c, site, 5);
            }
            JsonNode ok = ask(sim, 5, "{\"command\":\"powertarget\",\"parameter\":\"2000\"}");
            assertEquals(302, ok.get("STATUS").get(0).get("Code").asInt());
            sim.advance(Duration.ofSeconds(3));
            JsonNode s = ask(sim, 5, "summary").get("SUMMARY").get(0);
            assertEquals(2000, s.get("Power").asInt());
            double expectedTh = atNominal * site.miners().modelOf(5).orElseThrow().curve().hashrateThAt(2000);
            synchronized (c) {
                assertEquals(expectedTh, c.miner(5).hashrateThs(), 1e-9, "the unit's factor holds at every power");
            }
            assertEquals(expectedTh * 1000, s.get("GHS 5s").asDouble(), expectedTh * 1000 * 0.06, "5 s jitter");
            JsonNode bad = ask(sim, 5, "powertarget|3500");
            assertTrue(bad.get("STATUS").get(0).get("Msg").asText().endsWith("out of range 1000..3068 W"),
                    bad.toString());
            JsonNode version = ask(sim, 239, "version").get("VERSION").get(0);
            assertEquals("Whatsminer M56S-class", version.get("Type").asText());
            JsonNode devs = ask(sim, 49, "devs").get("DEVS");
            assertEquals(List.of("Alive", "Alive", "Dead"), IntStream.range(0, 3)
                    .mapToObj(b -> devs.get(b).get("Status").asText()).toList());
            assertEquals(0, devs.get(2).get("MHS 5s").asDouble());
        }
    }

    @Test
    void theSpreadIsTheSameOnEveryRunWhateverTheSimulatorSeedAndChangesWithItsOwnSeed() throws Exception {
        SiteConfig site = mixed();
        ContainerModel a = model(site, 1);
        ContainerModel b = model(site, 42);
        a.advance(500);
        b.advance(500);
        for (int i = 0; i < 240; i++) {
            assertEquals(a.miner(i).hashrateThs(), b.miner(i).hashrateThs(), 1e-12, "miner " + i);
        }
        SimulationConfig s = site.simulation();
        MinerSpread other = new MinerSpread(s.minerSpread().spreadPct(), 7, s.minerSpread().degradedEvery(),
                s.minerSpread().degradedLossPct());
        SiteConfig reseeded = new SiteConfig(site.site(), site.container(), site.description(), site.connections(),
                site.devices(), site.miners(), site.limits(), site.api(), new SimulationConfig(s.ambientC(),
                        s.minerSleepSeconds(), s.minerWakeSeconds(), s.batteryCapacityKwh(), s.batteryInitialSocPct(),
                        s.auxiliaryLoadKw(), other), site.control());
        ContainerModel c = model(reseeded, 1);
        c.advance(500);
        assertNotEquals(a.miner(3).hashrateThs(), c.miner(3).hashrateThs());
    }

    @Test
    void sleepAndWakeTakeTheModelsTimesUnlessTheSiteOverridesThem() throws Exception {
        ContainerModel c = model(mixed(), 1);
        Miner s19 = c.miner(0);
        s19.sleep();
        c.advance(4900);
        assertEquals(Miner.State.GOING_TO_SLEEP, s19.state());
        c.advance(200);
        assertEquals(Miner.State.SLEEPING, s19.state(), "the S19j Pro-class model sleeps in 5 s");
        s19.wakeup();
        c.advance(59_900);
        assertEquals(Miner.State.WAKING, s19.state());
        c.advance(200);
        assertEquals(Miner.State.HASHING, s19.state(), "and wakes in 60 s");
    }

    private static JsonNode ask(Simulator sim, int miner, String request) throws Exception {
        return JSON.readTree(MinerApiTest.askRaw(sim.minerPort(miner), request, 3000, false));
    }
}
