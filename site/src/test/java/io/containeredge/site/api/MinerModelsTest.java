package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped miner models, their plausibility, and how a broken model document is reported. */
class MinerModelsTest {

    /** The class figures the issue states (J/TH at nominal power); the shipped models must be within 3 %. */
    private static final Map<String, Double> CLASS_JOULES_PER_TH = Map.of(
            "s19j-pro-class", 29.5,
            "s21-class", 17.5,
            "s21-plus-hyd-class", 4800.0 / 319,
            "m56s-class", 26.0);

    @TempDir
    Path dir;

    @Test
    void everyShippedModelLoadsAndTheIndexListsExactlyTheShippedFiles() throws IOException {
        MinerModels models = MinerModels.builtIn();
        assertEquals(List.of(), models.errors());
        List<String> files;
        try (Stream<Path> listed = Files.list(Path.of("../firmware-config/miners"))) {
            files = listed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
        assertEquals(files, List.copyOf(models.ids()));
        assertTrue(models.ids().containsAll(CLASS_JOULES_PER_TH.keySet()), models.ids()::toString);
    }

    @Test
    void nominalEfficiencyIsTheClassFigure() {
        CLASS_JOULES_PER_TH.forEach((id, joulesPerTh) -> {
            MinerModel m = MinerModels.builtIn().get(id).orElseThrow();
            assertEquals(joulesPerTh, m.nominalJoulesPerTh(), joulesPerTh * 0.03, id);
            assertEquals(m.nominalJoulesPerTh(), m.curve().joulesPerThAt(m.nominalPowerW()), m.nominalJoulesPerTh() * 0.01,
                    id + ": the curve passes through the nominal point");
        });
    }

    @Test
    void everyShippedCurveImprovesJoulesPerThWhenUnderclocked() {
        for (MinerModel m : MinerModels.builtIn().all()) {
            double previous = 0;
            for (double w = m.minPowerW(); w <= m.maxPowerW(); w += m.stepW()) {
                double jth = m.curve().joulesPerThAt(w);
                assertTrue(jth > previous, m.id() + ": J/TH at " + w + " W (" + jth + ") not above " + previous);
                previous = jth;
            }
            assertTrue(m.curve().hashrateThAt(m.minPowerW()) / m.nominalHashrateTh() > m.minPowerW() / m.nominalPowerW(),
                    m.id() + ": hashrate falls slower than power");
            assertTrue(m.curve().minPowerW() <= m.minPowerW() && m.curve().maxPowerW() >= m.maxPowerW(), m.id());
            assertEquals(MinerModel.DIALECT_CGMINER, m.dialect(), m.id());
        }
    }

    @Test
    void aBrokenModelIsReportedWithFilePathAndReasonAndLeftOut() throws IOException {
        writeModel(dir, "falling", model("falling", 3500, 200, """
                  - {powerW: 1000, hashrateTh: 90}
                  - {powerW: 2000, hashrateTh: 80}
                  - {powerW: 3500, hashrateTh: 200}
                """));
        writeModel(dir, "not-a-model", "id: not-a-model\ncooling: steam\n");
        MinerModels models = MinerModels.load(dir);
        List<String> found = models.errors().stream()
                .map(e -> e.file().replace(dir + "/", "") + " " + e.path() + " " + e.reason()).toList();
        assertTrue(found.stream().anyMatch(f -> f.startsWith("miners/falling.yaml $.curve[1].hashrateTh 80.0 TH/s is below")),
                found::toString);
        assertTrue(found.stream().anyMatch(f -> f.startsWith("miners/not-a-model.yaml $.cooling ")), found::toString);
        assertTrue(found.stream().anyMatch(f -> f.startsWith("miners/not-a-model.yaml $ ") && f.contains("vendor")),
                found::toString);
        assertTrue(models.get("falling").isEmpty());
        assertTrue(models.get("s21-class").isPresent(), "the shipped models stay");
    }

    @Test
    void aCurveThatMissesTheNominalPointOrTheRangeIsRefused() throws IOException {
        writeModel(dir, "short", model("short", 3500, 150, """
                  - {powerW: 1500, hashrateTh: 100}
                  - {powerW: 3500, hashrateTh: 200}
                """));
        List<ConfigError> errors = MinerModels.load(dir).errors();
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.curve") && e.reason().contains("must cover")),
                errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.nominal.hashrateTh")
                && e.reason().contains("200.0 TH/s at the nominal 3500 W")), errors::toString);
    }

    @Test
    void aDirectoryModelAddsToTheShippedOnesAndMustCarryItsFileName() throws IOException {
        writeModel(dir, "my-unit", model("my-unit", 3500, 200, """
                  - {powerW: 1000, hashrateTh: 80}
                  - {powerW: 3500, hashrateTh: 200}
                """));
        writeModel(dir, "renamed", model("other-id", 3500, 200, """
                  - {powerW: 1000, hashrateTh: 80}
                  - {powerW: 3500, hashrateTh: 200}
                """));
        MinerModels models = MinerModels.load(dir);
        assertEquals(116.0, models.get("my-unit").orElseThrow().curve().hashrateThAt(1750), 1e-9);
        assertTrue(models.get("s19j-pro-class").isPresent());
        assertTrue(models.errors().stream().anyMatch(e -> e.path().equals("$.id") && e.reason().contains("'renamed'")),
                models.errors()::toString);
    }

    /** Writes {@code <dir>/miners/<id>.yaml}. */
    static void writeModel(Path dir, String id, String text) throws IOException {
        Files.createDirectories(dir.resolve("miners"));
        Files.writeString(dir.resolve("miners/" + id + ".yaml"), text);
    }

    /** A model document with a range of 1000 W to its nominal power. */
    static String model(String id, double nominalW, double nominalTh, String curvePoints) {
        return """
                id: %s
                vendor: Test
                name: Test unit
                cooling: immersion
                dialect: cgminer
                nominal: {hashrateTh: %s, powerW: %s}
                powerTarget: {minW: 1000, maxW: %s, stepW: 50}
                curve:
                %ssleepSeconds: 3
                wakeSeconds: 8
                """.formatted(id, nominalTh, nominalW, nominalW, curvePoints);
    }
}
