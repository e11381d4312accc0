package io.containeredge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.site.api.SiteDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --check} on copies of the built-in demo site, whole and broken. */
class ConfigurationCheckTest {

    private static final String DIGEST = "a".repeat(64);

    @TempDir
    Path work;

    private Path config;
    private Path site;

    @BeforeEach
    void copyTheDemoSite() throws Exception {
        config = Files.createDirectories(work.resolve("config"));
        site = Files.writeString(config.resolve("site.yaml"),
                SiteDocuments.builtInText("demo-container"));
        // a profile of the directory's own, so the check reads profiles/ too
        Files.createDirectories(config.resolve("profiles"));
        Files.writeString(config.resolve("profiles/immersion-cdu.yaml"),
                ConfigSource.builtInText(ConfigSource.class, "profiles/immersion-cdu.yaml").orElseThrow());
    }

    private static ConfigurationCheck.Report check(Path dir, Path cloud, Path tokens) {
        return ConfigurationCheck.run(dir, cloud, tokens);
    }

    private void edit(String from, String to) throws Exception {
        String text = Files.readString(site);
        assertTrue(text.contains(from), from);
        Files.writeString(site, text.replace(from, to));
    }

    @Test
    void theDemoSiteIsValid() {
        ConfigurationCheck.Report report = check(config, null, null);
        assertEquals(List.of(), report.errors());
        assertEquals("site demo-site, container c-01, 18 devices, 7 profiles, 240 miners,"
                + " 1 AI tenant with 20 GPU servers, under-frequency guard on meter-main/frequency below 59.70 Hz,"
                + " OpenADR 3 VEN of http://127.0.0.1:18081/openadr3/3.0.1, 1 peak window",
                report.summary());
    }

    @Test
    void theAiSectionIsCheckedWithTheRest() throws Exception {
        edit("host: 127.0.0.1, basePort: 15443", "host: 127.0.0.1, basePort: 65530");
        ConfigurationCheck.Report report = check(config, null, null);
        assertEquals(List.of(site + " $.ai.tenants[0].servers[0].count"),
                report.errors().stream().map(e -> e.file() + " " + e.path()).toList());
        assertEquals("no site", report.summary());
    }

    @Test
    void severalIndependentErrorsAreReportedTogetherWithFileAndPath() throws Exception {
        edit("  port: 8080", "  port: 99999");                                   // schema
        edit("profile: immersion-cdu", "profile: no-such-profile");             // reference
        edit("coolantSupplyTripC: 45", "coolantSupplyTripC: 38");               // safety invariant
        Files.writeString(config.resolve("profiles/immersion-cdu.yaml"), "id: immersion-cdu\npoints: []\nbyteOrder: sideways\n");
        List<ConfigError> errors = check(config, null, null).errors();
        List<String> found = errors.stream().map(e -> e.file() + " " + e.path()).toList();
        String siteFile = site.toString();
        assertTrue(found.contains(siteFile + " $.api.port"), found::toString);
        assertTrue(found.contains(siteFile + " $.devices[0].profile"), found::toString);
        assertTrue(found.contains("profiles/no-such-profile.yaml $"), found::toString);
        assertTrue(found.contains(siteFile + " $.limits.coolantSupplyTripC"), found::toString);
        assertTrue(found.contains(config.resolve("profiles/immersion-cdu.yaml") + " $.byteOrder"),
                "a profile of the directory that no device uses any more: " + found);
        assertTrue(errors.stream().anyMatch(e -> e.reason().contains("must be above warning (40.0)")), errors::toString);
    }

    @Test
    void aDocumentThatIsNotYamlIsAClearError() throws Exception {
        Files.writeString(site, "site: [demo\ncontainer: c-01\n");
        List<ConfigError> errors = check(config, null, null).errors();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(site.toString(), errors.get(0).file());
        assertTrue(errors.get(0).reason().startsWith("not valid YAML (line "), errors::toString);
    }

    @Test
    void aMissingDirectoryIsAnError() {
        List<ConfigError> errors = check(work.resolve("absent"), null, null).errors();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).toString().contains("absent: $: not a directory"), errors::toString);
    }

    @Test
    void cloudSettingsAndApiTokensAreCheckedWhenGiven() throws Exception {
        Path cloud = Files.writeString(work.resolve("cloud.properties"), "server.uris=ssl://broker:8883\ndrain.rate=200\n");
        Path tokens = Files.writeString(work.resolve("api-tokens"), "# CI\nci-bot viewer " + DIGEST + "\n");
        ConfigurationCheck.Report report = check(config, cloud, tokens);
        assertEquals(List.of(), report.errors());
        assertTrue(report.summary().endsWith(", cloud settings, API tokens"), report.summary());

        Files.writeString(cloud, "servr.uris=ssl://broker:8883\ndrain.rate=fast\n");
        Files.writeString(tokens, "ci-bot viewer " + DIGEST + "\nops superuser " + DIGEST + "\n");
        List<String> found = check(config, cloud, tokens).errors().stream().map(ConfigError::toString).toList();
        assertTrue(found.contains(cloud + ": drain.rate: 'fast' is not an integer"), found::toString);
        assertTrue(found.stream().anyMatch(e -> e.startsWith(cloud + ": servr.uris: unknown key")), found::toString);
        assertTrue(found.contains(tokens + ": line 2: role is one of viewer, technician, admin, got 'superuser'"),
                found::toString);
    }

    @Test
    void unreadableCloudAndTokenFilesAreErrors() {
        Path absent = work.resolve("absent");
        List<ConfigError> errors = check(config, absent, absent).errors();
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.stream().allMatch(e -> e.file().equals(absent.toString()) && e.reason().startsWith("cannot read")),
                errors::toString);
    }
}
