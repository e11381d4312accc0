package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled gateway against the simulator's mixed fleet, cut to 20 miners (0-9 S19j Pro-class, 10-19
 * S21-class) with every 10th unit degraded (9 and 19: a dead hashboard, -33 %): it reports each miner's J/TH from
 * its one-minute hashrate average and flags exactly the degraded units, the S21 first (it loses more revenue). The
 * underperformer time is cut to 10 s; a miner settles a minute (its average's window) after the first poll. What
 * it learned survives a restart: written when the gateway stops, read when it starts, and economics decides on it.
 */
class EfficiencyEndToEndTest {

    static final int MINERS = 20;

    @TempDir
    static Path work;
    static RunningContainer container;

    @BeforeAll
    static void start() throws Exception {
        int minersBase = RunningContainer.freeRange(MINERS);
        String mixed = Files.readString(ChildProcess.root().resolve("firmware-config/sites/mixed-container.yaml"))
                .replace("count: 240", "count: " + MINERS)
                .replace("basePort: 14100", "basePort: " + minersBase)
                .replace("{name: s19j-pro, from: 0, to: 39,", "{name: s19j-pro, from: 0, to: 9,")
                // four S21-class units on Braiins OS: learned from the REST firmware's one-minute average
                .replace("{name: s21-braiins, from: 40, to: 47,", "{name: s21-braiins, from: 10, to: 13,")
                .replaceAll("(?m)^ *- \\{name: m56s,.*\\n", "")
                .replace("degradedEvery: 50", "degradedEvery: 10")
                // energy this cheap keeps every unit at full power: no economic change of target while it learns
                + "economics:\n  tariff:\n    timeZone: UTC\n    baseUsdPerMwh: 5\n"
                + "  hashprice:\n    usdPerThDay: 0.05\n"
                + "  efficiency:\n    minSamples: 1\n    underperformerTime: 10s\n";
        container = RunningContainer.start(work, demo -> mixed, minersBase);
    }

    @AfterAll
    static void stop() throws Exception {
        if (container != null) {
            container.close();
        }
    }

    private static List<Integer> indices(JsonNode miners) {
        List<Integer> out = new ArrayList<>();
        miners.forEach(m -> out.add(m.get("index").asInt()));
        return out;
    }

    @Test
    void everyMinersJoulesPerTerahashAndTheDegradedUnitsFlagged() throws Exception {
        Eventually.within(Duration.ofSeconds(150), () -> assertEquals(List.of(19, 9),
                indices(container.api.get("/api/v1/economics/efficiency").get("underperformers"))));
        JsonNode e = container.api.get("/api/v1/economics/efficiency");
        assertEquals(MINERS, e.get("miners").size());
        for (JsonNode m : e.get("miners")) {
            double nominalJth = m.get("model").asText().contains("S19j") ? 29.5 : 17.5;
            double jth = m.get("joulesPerTh").asDouble();
            boolean degraded = m.get("index").asInt() % 10 == 9;
            assertTrue(degraded ? jth > nominalJth * 1.35 : Math.abs(jth / nominalJth - 1) < 0.07,
                    "miner " + m + ": " + jth + " J/TH against the model's " + nominalJth);
            assertTrue(m.get("samplesLearned").asLong() > 0, m.toString());
        }
        JsonNode s21 = e.get("underperformers").get(0);
        assertEquals("below its curve", s21.get("why").asText());
        assertEquals(33, s21.get("deficitPct").asDouble(), 3);
        assertEquals((s21.get("expectedThs").asDouble() - s21.get("hashrateThs").asDouble()) * 0.05,
                s21.get("lostUsdPerDay").asDouble(), 1e-6);
        double fleetJth = e.get("joulesPerTh").asDouble();
        assertEquals(e.get("powerW").asDouble() / e.get("hashrateThs").asDouble(), fleetJth, 1e-6);
        JsonNode alarms = container.api.get("/api/v1/control/alarms").get("active");
        List<String> ids = new ArrayList<>();
        alarms.forEach(a -> ids.add(a.get("id").asText()));
        assertTrue(ids.containsAll(List.of("efficiency.underperformer.9", "efficiency.underperformer.19")), ids::toString);

        long learned = samplesLearned(container.api.get("/api/v1/economics/efficiency"), 19);
        assertTrue(learned > 0);
        container.gateway().close();
        container.startGateway();
        // within the minute after the start no miner has settled again: what it knows, it read from its data
        Eventually.within(Duration.ofSeconds(20), () -> assertTrue(
                samplesLearned(container.api.get("/api/v1/economics/efficiency"), 19) >= learned,
                "learned samples after the restart"));
        // what it read is confident (one sample is enough here): economics decides on every unit's learned curve
        Eventually.within(Duration.ofSeconds(20), () -> assertEquals(MINERS,
                unitsOnLearnedCurves(container.api.get("/api/v1/economics"))));
    }

    private static int unitsOnLearnedCurves(JsonNode economics) {
        int units = 0;
        for (JsonNode m : economics.path("models")) {
            units += m.get("onLearnedCurves").asInt();
        }
        return units;
    }

    /** The miner's learned samples; 0 before the first cycle (no miner listed yet). */
    private static long samplesLearned(JsonNode efficiency, int index) {
        JsonNode miners = efficiency.get("miners");
        return miners.size() > index ? miners.get(index).get("samplesLearned").asLong() : 0;
    }
}
