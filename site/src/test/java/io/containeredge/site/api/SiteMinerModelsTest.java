package io.containeredge.site.api;

import static io.containeredge.site.api.SiteDocumentsTest.minimalSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's miners naming their models: resolved, rated power derived, unknown ids refused with their path. */
class SiteMinerModelsTest {

    @TempDir
    Path dir;

    static String fleet(String extra) {
        return minimalSite("transformer-monitor", 40, 45) + """
                miners:
                  count: 40
                  host: 127.0.0.1
                  basePort: 14100
                """ + extra;
    }

    @Test
    void theMixedBuiltInSiteGivesEachMinerItsModelAndRatedPower() throws ConfigException {
        MinerFleetConfig miners = SiteDocuments.loadBuiltIn("mixed-container").config().miners();
        assertEquals("s19j-pro-class", miners.modelOf(0).orElseThrow().id());
        assertEquals("s21-class", miners.modelOf(40).orElseThrow().id());
        assertEquals("s21-class", miners.modelOf(199).orElseThrow().id());
        assertEquals("m56s-class", miners.modelOf(239).orElseThrow().id());
        assertEquals(3500, miners.ratedPowerW(), "the fleet's rated power follows its model");
        assertEquals(3068, miners.ratedPowerWOf(0));
        assertEquals(160 * 3500 + 40 * 3068 + 40 * 5512, miners.ratedFleetPowerW(), 1e-6);
        SimulationConfig sim = SiteDocuments.loadBuiltIn("mixed-container").config().simulation();
        assertEquals(60, sim.wakeSecondsOf(miners.modelOf(0)), "no override: the model's wake time");
    }

    @Test
    void aSiteWithoutModelsKeepsItsRatedPower() throws Exception {
        Files.writeString(dir.resolve("site.yaml"), fleet("  ratedPowerW: 3500\n"));
        MinerFleetConfig generic = SiteDocuments.load(dir).config().miners();
        assertEquals(Optional.empty(), generic.modelOf(0));
        assertEquals(3500, generic.ratedPowerWOf(39));
        assertEquals(40 * 3500, generic.ratedFleetPowerW(), 1e-6);
    }

    @Test
    void theDemoRunsTheMixedFleetWithItsOwnQuickSleepAndWake() throws ConfigException {
        MinerFleetConfig demo = SiteDocuments.loadBuiltIn("demo-container").config().miners();
        MinerFleetConfig mixed = SiteDocuments.loadBuiltIn("mixed-container").config().miners();
        for (int i = 0; i < mixed.count(); i++) {
            assertEquals(mixed.modelOf(i).map(MinerModel::id), demo.modelOf(i).map(MinerModel::id), "miner " + i);
        }
        assertEquals(mixed.count(), demo.count());
        assertEquals(160 * 3500 + 40 * 3068 + 40 * 5512, demo.ratedFleetPowerW(), 1e-6);
        SimulationConfig sim = SiteDocuments.loadBuiltIn("demo-container").config().simulation();
        assertEquals(3, sim.sleepSecondsOf(demo.modelOf(0)), "the demo overrides the model");
        assertEquals(8, sim.wakeSecondsOf(MinerModels.builtIn().get("s21-class")), "the demo overrides the model");
    }

    @Test
    void anUnknownModelIsRefusedWithItsPathAndTheKnownIds() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), fleet("""
                  model: s99-class
                  groups:
                    - {name: old, from: 0, to: 9, model: s9-class}
                """));
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> SiteDocuments.load(dir)).errors();
        assertEquals(List.of("$.miners.groups[0].model", "$.miners.model"),
                errors.stream().map(ConfigError::path).sorted().toList(), errors::toString);
        ConfigError fleet = errors.stream().filter(e -> e.path().equals("$.miners.model")).findFirst().orElseThrow();
        assertTrue(fleet.reason().startsWith("no miner model 's99-class'; known models: "), fleet.reason());
        assertTrue(fleet.reason().contains("s21-class") && fleet.reason().contains("m56s-class"), fleet.reason());
        assertTrue(fleet.file().endsWith("site.yaml"), fleet.file());
    }

    @Test
    void aRatedPowerThatDisagreesWithTheModelIsRefusedAndOneLeftOutFollowsIt() throws IOException, ConfigException {
        Files.writeString(dir.resolve("site.yaml"), fleet("  model: s21-class\n  ratedPowerW: 3000\n"));
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> SiteDocuments.load(dir)).errors();
        assertEquals(List.of("$.miners.ratedPowerW"), errors.stream().map(ConfigError::path).toList(), errors::toString);
        assertTrue(errors.get(0).reason().contains("disagrees with model 's21-class' (nominal 3500.0 W)"),
                errors.get(0).reason());

        Files.writeString(dir.resolve("site.yaml"), fleet("  model: s19j-pro-class\n"));
        MinerFleetConfig miners = SiteDocuments.load(dir).config().miners();
        assertEquals(3068, miners.ratedPowerW());
        assertEquals(40 * 3068, miners.ratedFleetPowerW(), 1e-6);
    }

    @Test
    void aSiteMayNameAModelOfItsOwnDirectory() throws IOException, ConfigException {
        MinerModelsTest.writeModel(dir, "my-unit", MinerModelsTest.model("my-unit", 3000, 150, """
                  - {powerW: 1000, hashrateTh: 70}
                  - {powerW: 3000, hashrateTh: 150}
                """));
        Files.writeString(dir.resolve("site.yaml"), fleet("""
                  groups:
                    - {name: own, from: 0, to: 9, model: my-unit}
                """));
        MinerFleetConfig miners = SiteDocuments.load(dir).config().miners();
        assertEquals("my-unit", miners.modelOf(5).orElseThrow().id());
        assertEquals(0, miners.priorityOf(5), "a group that only names a model has priority 0");
        assertEquals(Optional.empty(), miners.modelOf(10));
        assertEquals(10 * 3000 + 30 * 3500, miners.ratedFleetPowerW(), 1e-6);
    }

    @Test
    void checkReportsABrokenModelNoMinerNames() throws IOException {
        MinerModelsTest.writeModel(dir, "spare", "id: spare\n");
        Files.writeString(dir.resolve("site.yaml"), minimalSite("transformer-monitor", 40, 45));
        List<String> found = SiteDocuments.check(dir).errors().stream()
                .map(e -> e.file().replace(dir + "/", "") + " " + e.path()).toList();
        assertEquals(List.of("miners/spare.yaml $"), found.stream().distinct().toList(), found::toString);
    }
}
