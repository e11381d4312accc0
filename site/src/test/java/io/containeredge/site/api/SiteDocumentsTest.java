package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.profile.PollClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteDocumentsTest {

    @TempDir
    Path dir;

    @Test
    void demoSiteLoadsWithAllProfiles() throws ConfigException {
        LoadedSite site = SiteDocuments.loadBuiltIn("demo-container");
        assertEquals(18, site.config().devices().size());
        assertEquals(240, site.config().miners().count());
        DeviceConfig cdu = site.config().device("cdu").orElseThrow();
        assertEquals(Duration.ofMillis(250), cdu.period(PollClass.FAST));
        assertEquals(Duration.ofMillis(750), cdu.maxAge(PollClass.FAST));
        assertEquals("immersion-cdu", site.profileOf("cdu").id());
        assertEquals(45.0, site.config().limits().coolantSupplyTripC());
    }

    @Test
    void builtInTextIsTheDocumentAsWritten() throws ConfigException {
        String text = SiteDocuments.builtInText("demo-container");
        assertTrue(text.startsWith("# Demo container"), text.lines().findFirst().orElse(""));
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> SiteDocuments.builtInText("no-such-site"))
                .errors();
        assertEquals("no built-in site 'no-such-site'", errors.get(0).reason());
    }

    @Test
    void directoryWithOwnProfileOverridesBuiltIns() throws IOException, ConfigException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/my-meter.yaml"), """
                id: my-meter
                points:
                  - {name: power, table: input, address: 7, type: float32, unit: kW}
                """);
        Files.writeString(dir.resolve("site.yaml"), minimalSite("my-meter", 40, 45));
        LoadedSite site = SiteDocuments.load(dir);
        assertEquals(7, site.profileOf("m1").point("power").orElseThrow().address());
    }

    @Test
    void refusesUnsafeLimitsAndBrokenReferencesWithEveryError() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), minimalSite("my-meter", 46, 45)
                .replace("connection: gw", "connection: nowhere"));
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> SiteDocuments.load(dir)).errors();
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.limits.coolantSupplyTripC")
                && e.reason().contains("must be above warning")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.devices[0].connection")), errors::toString);
    }

    @Test
    void unknownProfileRefusesOnlyThatDevice() throws IOException, ConfigException {
        Files.writeString(dir.resolve("site.yaml"), minimalSite("no-such-profile", 40, 45));
        LoadedSite site = SiteDocuments.load(dir);
        assertEquals(null, site.profileOf("m1"));
        assertTrue(site.refused().containsKey("m1"));
        List<ConfigError> errors = site.refused().get("m1");
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.devices[0].profile")), errors::toString);
    }

    @Test
    void sunSpecProfileListingAModelWithoutDefinitionIsRefused() throws IOException, ConfigException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/my-meter.yaml"), """
                id: my-meter
                sunspec: {models: [1, 9999]}
                """);
        Files.writeString(dir.resolve("site.yaml"), minimalSite("my-meter", 40, 45));
        LoadedSite site = SiteDocuments.load(dir);
        List<ConfigError> errors = site.refused().get("m1");
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.sunspec.models[1]")
                && e.reason().contains("9999")), errors::toString);
    }

    @Test
    void controlTuningAndMinerPriorityGroupsAreReadAndChecked() throws IOException, ConfigException {
        Files.writeString(dir.resolve("site.yaml"), minimalSite("transformer-monitor", 40, 45) + """
                miners:
                  count: 40
                  host: 127.0.0.1
                  basePort: 14100
                  groups:
                    - {name: ai-hpc, from: 30, to: 39, priority: 10}
                control: {cycle: 100ms, hysteresisK: 3, minDwell: 1m}
                """);
        SiteConfig site = SiteDocuments.load(dir).config();
        assertEquals(Duration.ofMillis(100), site.control().cycle());
        assertEquals(3.0, site.control().hysteresisK());
        assertEquals(Duration.ofMinutes(1), site.control().minDwell());
        assertEquals(50.0, site.control().wakeRampKwPerS(), "defaults for what the section leaves out");
        assertEquals(10, site.miners().priorityOf(35));
        assertEquals(0, site.miners().priorityOf(3));

        Files.writeString(dir.resolve("site.yaml"), minimalSite("transformer-monitor", 40, 45) + """
                miners:
                  count: 40
                  host: 127.0.0.1
                  basePort: 14100
                  groups:
                    - {name: a, from: 0, to: 20, priority: 1}
                    - {name: b, from: 20, to: 45, priority: 2}
                """);
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> SiteDocuments.load(dir)).errors();
        assertTrue(errors.stream().anyMatch(e -> e.reason().contains("overlaps group 'a'")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.reason().contains("not within 0..39")), errors::toString);
    }

    @Test
    void schemaViolationsNameTheField() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), minimalSite("my-meter", 40, 45).replace("unitId: 4", "unitId: 400"));
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> SiteDocuments.load(dir)).errors();
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.devices[0].unitId")), errors::toString);
    }

    @Test
    void aSchemaErrorHidesNoCrossCheckOfAnotherSection() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), minimalSite("my-meter", 46, 45)
                .replace("port: 1502", "port: 99999").replace("connection: gw", "connection: nowhere")
                + "api: {bind: 0.0.0.0, tls: off}\n");
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> SiteDocuments.load(dir)).errors();
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.connections[0].port")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.limits.coolantSupplyTripC")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.api.tls")), errors::toString);
        assertTrue(errors.stream().noneMatch(e -> e.path().equals("$.devices[0].connection")),
                "the connections were refused by the schema, so references to them are not judged: " + errors);
    }

    @Test
    void aSectionTheSchemaRefusedIsNotCrossCheckedWithDefaults() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), minimalSite("my-meter", 40, 45).replace("coolantSupplyTripC: 45",
                "coolantSupplyTripC: hot"));
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> SiteDocuments.load(dir)).errors();
        assertEquals(List.of("$.limits.coolantSupplyTripC"), errors.stream().map(ConfigError::path).toList(),
                errors::toString);
    }

    @Test
    void checkOfADirectoryReportsTheSiteDocumentAndEveryProfileAtOnce() throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/spare-meter.yaml"), """
                id: spare-meter
                points:
                  - {name: power, table: input, address: 0, type: float99}
                """);
        Files.writeString(dir.resolve("site.yaml"), minimalSite("no-such-profile", 46, 45).replace("site: s", "site: S!"));
        SiteCheck check = SiteDocuments.check(dir);
        assertTrue(check.site().isEmpty());
        List<String> found = check.errors().stream().map(e -> e.file().replace(dir + "/", "") + " " + e.path()).toList();
        assertTrue(found.contains("site.yaml $.site"), found::toString);
        assertTrue(found.contains("site.yaml $.limits.coolantSupplyTripC"), found::toString);
        assertTrue(found.contains("site.yaml $.devices[0].profile"), found::toString);
        assertTrue(found.contains("profiles/no-such-profile.yaml $"), found::toString);
        assertTrue(found.contains("profiles/spare-meter.yaml $.points[0].type"), "a profile no device uses: " + found);
    }

    @Test
    void checkOfAValidDirectoryGivesTheSite() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), minimalSite("transformer-monitor", 40, 45));
        SiteCheck check = SiteDocuments.check(dir);
        assertEquals(List.of(), check.errors());
        assertEquals("transformer-monitor", check.site().orElseThrow().profileOf("m1").id());
    }

    @Test
    void checkOfAMissingDirectorySaysSo() {
        List<ConfigError> errors = SiteDocuments.check(dir.resolve("absent")).errors();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).reason().contains("not a directory"), errors::toString);
    }

    @Test
    void theBatteryFollowTimeIsReadWithADefaultOf5SecondsAndRefusedOutside1To15Seconds() throws Exception {
        Files.writeString(dir.resolve("site.yaml"), minimalSite("transformer-monitor", 40, 45));
        assertEquals(Duration.ofSeconds(5), SiteDocuments.load(dir).config().control().batteryFollow());
        Files.writeString(dir.resolve("site.yaml"), minimalSite("transformer-monitor", 40, 45)
                + "control: {batteryFollow: 8s}\n");
        assertEquals(Duration.ofSeconds(8), SiteDocuments.load(dir).config().control().batteryFollow());

        for (String bad : List.of("500ms", "16s", "10m")) {
            Files.writeString(dir.resolve("site.yaml"), minimalSite("transformer-monitor", 40, 45)
                    + "control: {batteryFollow: " + bad + "}\n");
            List<ConfigError> errors = SiteDocuments.check(dir).errors();
            assertEquals(List.of("$.control.batteryFollow"), errors.stream().map(ConfigError::path).toList(),
                    errors::toString);
            assertTrue(errors.get(0).reason().contains("outside 1s .. 15s"), errors::toString);
        }
    }

    static String minimalSite(String profile, int warning, int trip) {
        return """
                site: s
                container: c
                connections:
                  - {id: gw, transport: tcp, host: 127.0.0.1, port: 1502}
                devices:
                  - {id: m1, role: meter, profile: %s, connection: gw, unitId: 4}
                limits:
                  coolantSupplyWarningC: %d
                  coolantSupplyTripC: %d
                  coolantSupplyLowC: 20
                  transformerRatingKva: 2500
                """.formatted(profile, warning, trip);
    }
}
