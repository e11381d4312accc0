package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinatorDocumentsTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    private String sample;

    @BeforeEach
    void sampleWithItsKey() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/firmware-config/sites/demo-coordinator.yaml")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("demo-coordinator.key"), Base64.getEncoder().encodeToString(SECRET) + "\n");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("coordinator.yaml"), text);
    }

    @Test
    void theShippedSampleIsAccepted() throws Exception {
        CoordinatorConfig c = CoordinatorDocuments.load(write(sample));
        assertEquals("demo-site", c.site());
        assertEquals(1910, c.poi().availableKw(), 1e-9, "cap less auxiliaries less margin");
        assertEquals(List.of(new CoordinatorConfig.Container("c-01", 900)), c.containers());
        assertEquals(Duration.ofSeconds(30), c.leases().duration());
        assertEquals(Duration.ofSeconds(2), c.allocation().every());
        assertEquals(100, c.allocation().rampKwPerSecond());
        assertEquals("/containeredge", c.zookeeper().basePath());
        assertEquals(dir.resolve("demo-coordinator.key"), c.signing().secretFile());
        assertArrayEquals(SECRET, CoordinatorDocuments.secret(c.signing()));
        assertTrue(c.dashboard().isEmpty());
    }

    @Test
    void defaultsFillWhatIsLeftOut() throws Exception {
        CoordinatorConfig c = CoordinatorDocuments.load(write(sample.replaceAll("(?s)leases:.*?zookeeper:", "zookeeper:")
                .replace("  sessionTimeout: 6s\n", "")));
        assertEquals(Duration.ofSeconds(5), c.leases().renewEvery());
        assertEquals(Duration.ofSeconds(6), c.reports().staleAfter());
        assertEquals(Duration.ofSeconds(6), c.zookeeper().sessionTimeout());
    }

    @Test
    void sharesAboveTheCapAreRefusedNamingTheSumAndTheCap() throws IOException {
        List<ConfigError> errors = CoordinatorDocuments.check(write(sample.replace("  - {id: c-01, fallbackShareKw: 900}",
                "  - {id: c-01, fallbackShareKw: 900}\n  - {id: c-02, fallbackShareKw: 1100.5}")));
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("$.containers", errors.get(0).path());
        assertTrue(errors.get(0).reason().contains("sum to 2000.5 kW, above the 1910 kW the POI cap 2000 kW leaves"
                + " after the auxiliaries 50 kW and the margin 40 kW"), errors::toString);
    }

    @Test
    void aMarginThatLeavesNothingIsRefused() throws IOException {
        List<ConfigError> errors = CoordinatorDocuments.check(write(sample.replace("marginKw: 40", "marginKw: 1950")));
        assertTrue(errors.stream().anyMatch(e -> e.reason().contains("the auxiliaries 50 kW and the margin 1950 kW"
                + " leave nothing of the POI cap 2000 kW")), errors::toString);
        assertTrue(CoordinatorDocuments.check(write(sample.replace("marginKw: 40", "marginKw: -1"))).stream()
                .anyMatch(e -> e.path().contains("marginKw")), "a negative margin is refused by the schema");
    }

    @Test
    void everyProblemIsNamedAtOnce() throws IOException {
        String bad = sample.replace("  - {id: c-01, fallbackShareKw: 900}",
                        "  - {id: c-01, fallbackShareKw: 1500}\n  - {id: c-01, fallbackShareKw: 600}")
                .replace("renewEvery: 5s", "renewEvery: 12s").replace("staleAfter: 6s", "staleAfter: 15s")
                .replace("demo-coordinator.key", "missing.key");
        List<String> paths = CoordinatorDocuments.check(write(bad)).stream().map(ConfigError::path).toList();
        assertEquals(List.of("$.containers", "$.containers[1].id", "$.leases.renewEvery", "$.reports.staleAfter",
                "$.signing.secretFile"), paths.stream().sorted().toList());
    }

    @Test
    void schemaErrorsNameTheField() throws IOException {
        List<ConfigError> errors = CoordinatorDocuments.check(write(sample.replace("tcp://127.0.0.1:1883", "http://x")
                .replace("2s", "2 seconds").replace("c-01", "c 01")));
        assertEquals(List.of("$.allocation.every", "$.containers[0].id", "$.mqtt.brokers[0]"),
                errors.stream().map(ConfigError::path).distinct().sorted().toList(), errors::toString);
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() throws IOException {
        Files.writeString(dir.resolve("demo-coordinator.key"), Base64.getEncoder().encodeToString(new byte[16]));
        List<ConfigError> errors = CoordinatorDocuments.check(write(sample));
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).reason().contains("is 16 bytes; at least 32"), errors::toString);
    }

    @Test
    void requestKeysAreReadAtLoadAndTheirProblemsNamed() throws Exception {
        Files.writeString(dir.resolve("aggregator.key"), Base64.getEncoder().encodeToString(SECRET));
        CoordinatorConfig c = CoordinatorDocuments.load(write(sample + "requests:\n  keys:\n"
                + "    - {keyId: aggregator, secretFile: aggregator.key}\n"));
        assertEquals(List.of(new CoordinatorConfig.RequestKey("aggregator", dir.resolve("aggregator.key"))),
                c.requests().orElseThrow().keys());
        assertArrayEquals(SECRET, CoordinatorDocuments.requestKeys(c).get("aggregator"));
        assertTrue(CoordinatorDocuments.requestKeys(CoordinatorDocuments.load(write(sample))).isEmpty(),
                "without the section nobody may send site requests");

        Files.writeString(dir.resolve("short.key"), Base64.getEncoder().encodeToString(new byte[8]));
        List<ConfigError> errors = CoordinatorDocuments.check(write(sample + "requests:\n  keys:\n"
                + "    - {keyId: aggregator, secretFile: aggregator.key}\n"
                + "    - {keyId: aggregator, secretFile: short.key}\n    - {keyId: ops, secretFile: missing.key}\n"));
        assertEquals(List.of("$.requests.keys[1].keyId", "$.requests.keys[1].secretFile",
                "$.requests.keys[2].secretFile"), errors.stream().map(ConfigError::path).sorted().toList(),
                errors::toString);
    }
}
