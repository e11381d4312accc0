package io.containeredge.site.api;

import static io.containeredge.site.api.SiteDocumentsTest.minimalSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site's miners naming their firmware dialects: what the site writes wins over what a model ships with, a
 * group's over the fleet's, cgminer when nothing names one; an unknown dialect is refused with its group.
 */
class SiteMinerDialectsTest {

    @TempDir
    Path dir;

    private MinerFleetConfig load(String extra) throws IOException, ConfigException {
        Files.writeString(dir.resolve("site.yaml"), SiteMinerModelsTest.fleet(extra));
        return SiteDocuments.load(dir).config().miners();
    }

    private static String dialectOf(MinerFleetConfig miners, int i) {
        return miners.dialectOf(i).id();
    }

    @Test
    void aSiteThatNamesNoDialectStaysOnTheCgminerDialect() throws IOException, ConfigException {
        MinerFleetConfig miners = load("");
        for (int i = 0; i < miners.count(); i++) {
            assertEquals("cgminer", dialectOf(miners, i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed-container", "demo-container"})
    void theBuiltInSitesHaveOneBraiinsGroup(String site) throws ConfigException {
        MinerFleetConfig mixed = SiteDocuments.loadBuiltIn(site).config().miners();
        assertEquals("cgminer", dialectOf(mixed, 39));
        assertEquals("braiins-rest", dialectOf(mixed, 40));
        assertEquals("braiins-rest", dialectOf(mixed, 47));
        assertEquals("cgminer", dialectOf(mixed, 48));
        assertEquals("s21-class", mixed.modelOf(40).orElseThrow().id(), "the group keeps the fleet's model");
    }

    @Test
    void aGroupDialectOverridesTheFleetsAndTheFleetsOverridesTheModels() throws IOException, ConfigException {
        MinerModelsTest.writeModel(dir, "bos-unit", MinerModelsTest.model("bos-unit", 3000, 150, """
                  - {powerW: 1000, hashrateTh: 70}
                  - {powerW: 3000, hashrateTh: 150}
                """).replace("dialect: cgminer", "dialect: braiins-rest"));
        MinerFleetConfig byModel = load("""
                  groups:
                    - {name: bos, from: 0, to: 9, model: bos-unit}
                    - {name: bos-on-cgminer, from: 10, to: 19, model: bos-unit, dialect: cgminer}
                """);
        assertEquals("braiins-rest", dialectOf(byModel, 0), "the model's dialect is the default");
        assertEquals("cgminer", dialectOf(byModel, 10), "the group's written dialect wins");
        assertEquals("cgminer", dialectOf(byModel, 20), "no group, no model: cgminer");

        MinerFleetConfig byFleet = load("""
                  dialect: braiins-rest
                  groups:
                    - {name: s21, from: 0, to: 9, model: s21-class}
                    - {name: luxos, from: 10, to: 19, dialect: cgminer}
                """);
        assertEquals("braiins-rest", dialectOf(byFleet, 0), "the fleet's written dialect beats the group model's");
        assertEquals("cgminer", dialectOf(byFleet, 10));
        assertEquals("braiins-rest", dialectOf(byFleet, 30));

        MinerFleetConfig byFleetModel = load("  model: bos-unit\n");
        assertEquals("braiins-rest", dialectOf(byFleetModel, 0));
    }

    @Test
    void anUnknownDialectIsRefusedWithTheGroupNamed() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SiteMinerModelsTest.fleet("""
                  dialect: grpc
                  groups:
                    - {name: racks, from: 0, to: 9, dialect: btminer}
                """));
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> SiteDocuments.load(dir)).errors();
        assertEquals(List.of(
                "$.miners.dialect: the miners: no firmware dialect 'grpc'; known dialects: braiins-rest, cgminer",
                "$.miners.groups[0].dialect: group 'racks': no firmware dialect 'btminer'; known dialects: "
                        + "braiins-rest, cgminer"),
                errors.stream().map(e -> e.path() + ": " + e.reason()).toList());
    }

    @Test
    void checkReportsABrokenDialectNoMinerNames() throws IOException {
        Files.createDirectories(dir.resolve("dialects"));
        Files.writeString(dir.resolve("dialects/spare.yaml"), "id: spare\n");
        Files.writeString(dir.resolve("site.yaml"), minimalSite("transformer-monitor", 40, 45));
        List<String> found = SiteDocuments.check(dir).errors().stream()
                .map(e -> e.file().replace(dir + "/", "") + " " + e.path()).distinct().toList();
        assertEquals(List.of("dialects/spare.yaml $"), found);
    }
}
