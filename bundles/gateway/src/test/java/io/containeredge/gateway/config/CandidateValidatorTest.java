package io.containeredge.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateValidatorTest {

    @TempDir
    Path scratch;

    private final SiteIdentity identity = new SiteIdentity("s", "c");

    private List<ConfigError> refused(ConfigDocuments documents) throws Exception {
        List<ConfigError> errors = assertThrows(ConfigException.class,
                () -> new CandidateValidator(scratch).validate(documents, identity, UnaryOperator.identity())).errors();
        assertEquals(0, Files.list(scratch).count(), "scratch directory removed");
        return errors;
    }

    private static boolean has(List<ConfigError> errors, String file, String path, String reason) {
        return errors.stream().anyMatch(e -> e.file().equals(file) && e.path().equals(path) && e.reason().contains(reason));
    }

    @Test
    void validSiteIsAcceptedAndScratchRemoved() throws Exception {
        SiteConfig site = new CandidateValidator(scratch).validate(Sites.valid(), identity, UnaryOperator.identity());
        assertEquals(2, site.devices().size());
        assertEquals(0, Files.list(scratch).count());
    }

    @Test
    void schemaErrorsAreReturnedWithFileAndPath() throws Exception {
        List<ConfigError> errors = refused(new ConfigDocuments(Sites.site("s", "c", 40, 45)
                .replace("unitId: 4", "unitId: 400"), Map.of()));
        assertTrue(has(errors, "site.yaml", "$.devices[1].unitId", ""), errors::toString);
    }

    @Test
    void safetyInvariantsAreEnforced() throws Exception {
        List<ConfigError> errors = refused(new ConfigDocuments(Sites.site("s", "c", 46, 45), Map.of()));
        assertTrue(has(errors, "site.yaml", "$.limits.coolantSupplyTripC", "must be above warning"), errors::toString);
    }

    @Test
    void malformedYamlAndJsonAreRefusedWithTheirPosition() throws Exception {
        List<ConfigError> yaml = refused(new ConfigDocuments("site: s\n  container: [c\n", Map.of()));
        assertTrue(has(yaml, "site.yaml", "$", "not valid YAML (line"), yaml::toString);
        List<ConfigError> json = refused(new ConfigDocuments("{\"site\": \"s\", \"container\": \"c\"", Map.of()));
        assertTrue(has(json, "site.yaml", "$", "not valid YAML"), json::toString);
        List<ConfigError> profile = refused(new ConfigDocuments(Sites.valid().site(), Map.of("my-meter", "id: [")));
        assertTrue(has(profile, "profiles/my-meter.yaml", "$", "not valid YAML"), profile::toString);
    }

    @Test
    void documentsOverOneMebibyteAreRefusedBeforeBeingParsed() throws Exception {
        String big = Sites.valid().site() + "#" + "x".repeat(CandidateValidator.MAX_DOCUMENT_BYTES) + "\n";
        List<ConfigError> errors = refused(new ConfigDocuments(big, Map.of("my-meter", "# " + "y".repeat(1 << 20))));
        assertTrue(has(errors, "site.yaml", "$", "at most 1048576 (1 MiB)"), errors::toString);
        assertTrue(has(errors, "profiles/my-meter.yaml", "$", "at most 1048576"), errors::toString);
        String euros = Sites.valid().site() + "# " + "\u20ac".repeat(400_000) + "\n";
        assertTrue(has(refused(new ConfigDocuments(euros, Map.of())), "site.yaml", "$", "document is 12"),
                "400,000 characters of 3 bytes each are counted as bytes");
    }

    @Test
    void profileIdsMustBeSafeFileNames() throws Exception {
        List<ConfigError> errors = refused(new ConfigDocuments(Sites.valid().site(),
                Map.of("../../etc/passwd", Sites.METER_PROFILE, "Big", Sites.METER_PROFILE)));
        assertTrue(has(errors, "profiles", "$['../../etc/passwd']", "not a safe file name"), errors::toString);
        assertTrue(has(errors, "profiles", "$['Big']", "not a safe file name"), errors::toString);
    }

    @Test
    void siteAndContainerIdsCannotChange() throws Exception {
        List<ConfigError> errors = refused(new ConfigDocuments(Sites.site("other", "c-99", 40, 45), Map.of()));
        assertTrue(has(errors, "site.yaml", "$.site", "cannot change"), errors::toString);
        assertTrue(has(errors, "site.yaml", "$.container", "cannot change"), errors::toString);
        new CandidateValidator(scratch).validate(new ConfigDocuments(Sites.site("other", "c-99", 40, 45), Map.of()),
                null, UnaryOperator.identity());
    }

    @Test
    void aDeviceThatWouldBeRefusedRefusesTheWholeVersion() throws Exception {
        List<ConfigError> errors = refused(new ConfigDocuments(Sites.valid().site()
                .replace("profile: power-meter-float32", "profile: no-such-meter"), Map.of()));
        assertTrue(has(errors, "site.yaml", "$.devices[1].profile", "device 'meter' not started"), errors::toString);
    }

    @Test
    void aProfileOfTheVersionOverridesTheBuiltInOfTheSameId() throws Exception {
        String brokenCdu = "id: immersion-cdu\npoints:\n  - {name: t, table: holding, address: 1, type: nosuchtype}\n";
        List<ConfigError> errors = refused(new ConfigDocuments(Sites.valid().site(), Map.of("immersion-cdu", brokenCdu)));
        assertTrue(has(errors, "profiles/immersion-cdu.yaml", "$.points[0].type", ""), errors::toString);
        String ownMeter = Sites.valid().site().replace("profile: power-meter-float32", "profile: my-meter");
        new CandidateValidator(scratch).validate(new ConfigDocuments(ownMeter, Map.of("my-meter", Sites.METER_PROFILE)),
                identity, UnaryOperator.identity());
    }

    @Test
    void aProfileNoDeviceUsesMustStillBeValid() throws Exception {
        List<ConfigError> errors = refused(new ConfigDocuments(Sites.valid().site(),
                Map.of("spare", "id: not-spare\npoints:\n  - {name: p, table: input, address: 1, type: int16}\n")));
        assertTrue(has(errors, "profiles/spare.yaml", "$.id", "does not match its file name"), errors::toString);
    }

    @Test
    void errorsCarryTheNamesTheSenderKnows() throws Exception {
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> new CandidateValidator(scratch)
                .validate(new ConfigDocuments(Sites.site("s", "c", 46, 45), Map.of()), identity,
                        name -> "/etc/containeredge/" + name)).errors();
        assertTrue(has(errors, "/etc/containeredge/site.yaml", "$.limits.coolantSupplyTripC", ""), errors::toString);
    }
}
