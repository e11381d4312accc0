package io.containeredge.site.api;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The validator's safety rules: every control setting within its safe range, the low-flow limit present
 * when a CDU reports flow, and the import meter and battery inverter named without ambiguity. Each
 * refusal names its path.
 */
class SiteSafetyChecksTest {

    @TempDir
    Path dir;

    /** A site with one CDU, the given devices after it, 10 miners of 3.5 kW, and the given extra sections. */
    private static String site(String devices, String limitsExtra, String sections) {
        return """
                site: s
                container: c
                connections:
                  - {id: gw, transport: tcp, host: 127.0.0.1, port: 1502}
                devices:
                  - {id: cdu, role: cdu, profile: immersion-cdu, connection: gw, unitId: 1}
                %s
                miners: {count: 10, host: 127.0.0.1, basePort: 14100, ratedPowerW: 3500}
                limits:
                  coolantSupplyWarningC: 40
                  coolantSupplyTripC: 45
                  coolantSupplyLowC: 20
                  transformerRatingKva: 2500
                %s
                %s
                """.formatted(devices.indent(2).stripTrailing(), limitsExtra.indent(2).stripTrailing(), sections);
    }

    private static String valid(String sections) {
        return site("- {id: meter, role: meter, profile: power-meter-float32, connection: gw, unitId: 4}",
                "minFlowM3h: 60", sections);
    }

    private List<ConfigError> errors(String document) throws IOException {
        Files.writeString(dir.resolve("site.yaml"), document);
        return SiteDocuments.check(dir).errors();
    }

    private static void assertRefused(List<ConfigError> errors, String path, String reasonPart) {
        assertTrue(errors.stream().anyMatch(e -> e.path().equals(path) && e.reason().contains(reasonPart)),
                () -> "expected " + path + " (" + reasonPart + ") in " + errors);
    }

    @Test
    void theShippedDefaultsAndTheRangeEndsAreAccepted() throws IOException {
        assertEquals(List.of(), errors(valid("")));
        assertEquals(List.of(), errors(valid("control: {cycle: 50ms, failSafeHold: 10m, sleepConfirm: 2m, "
                + "safeMinerKw: 35, minDwell: 0s}")));
        assertEquals(List.of(), errors(valid("control: {cycle: 2s, failSafeHold: 1s, sleepConfirm: 5s}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cycle: 0ms            | $.control.cycle        | 0s is outside 50ms .. 2s",
        "cycle: 3s             | $.control.cycle        | 3s is outside 50ms .. 2s",
        "failSafeHold: 600m    | $.control.failSafeHold | 600m is outside 1s .. 10m",
        "failSafeHold: 0s      | $.control.failSafeHold | 0s is outside 1s .. 10m",
        "sleepConfirm: 3m      | $.control.sleepConfirm | 3m is outside 5s .. 2m",
        "minDwell: 120m        | $.control.minDwell     | 120m is outside 0s .. 60m",
        "safeMinerKw: 100000   | $.control.safeMinerKw  | maximum value of 10000",
        "safeMinerKw: 36       | $.control.safeMinerKw  | above the rated fleet power 35.0 kW",
        "curtailKwPerS: 0.001  | $.control.curtailKwPerS | minimum value of 1",
        "wakeRampKwPerS: 5000  | $.control.wakeRampKwPerS | maximum value of 1000",
        "deltaTWarningK: 0.5   | $.control.deltaTWarningK | minimum value of 2"})
    void aControlSettingOutsideItsSafeRangeIsRefusedWithItsPath(String setting, String path, String reason)
            throws IOException {
        List<ConfigError> errors = errors(valid("control: {" + setting + "}"));
        assertRefused(errors, path, reason);
        assertEquals(1, errors.size(), errors::toString);
        Files.writeString(dir.resolve("site.yaml"), valid("control: {" + setting + "}"));
        assertThrows(ConfigException.class, () -> SiteDocuments.load(dir), "the file loader uses the same rules");
    }

    @Test
    void aSettingTheSchemaRefusesHidesNoOtherUnsafeSetting() throws IOException {
        List<ConfigError> errors = errors(valid("control: {safeMinerKw: 100000, cycle: 0ms, failSafeHold: 600m}"));
        assertRefused(errors, "$.control.safeMinerKw", "maximum value of 10000");
        assertRefused(errors, "$.control.cycle", "0s is outside 50ms .. 2s");
        assertRefused(errors, "$.control.failSafeHold", "600m is outside 1s .. 10m");
        assertEquals(3, errors.size(), errors::toString);
    }

    @Test
    void aMissingOrZeroLowFlowLimitIsRefusedWhenACduReportsFlow() throws IOException {
        String meter = "- {id: meter, role: meter, profile: power-meter-float32, connection: gw, unitId: 4}";
        assertRefused(errors(site(meter, "", "")), "$.limits.minFlowM3h", "CDU cdu reports flow");
        Files.writeString(dir.resolve("site.yaml"), site(meter, "", ""));
        ConfigException e = assertThrows(ConfigException.class, () -> SiteDocuments.load(dir));
        assertRefused(e.errors(), "$.limits.minFlowM3h", "low-flow trip is off");
        assertRefused(errors(site(meter, "minFlowM3h: 0", "")), "$.limits.minFlowM3h", "exclusive minimum value of 0");
    }

    @Test
    void severalMetersNeedExactlyOneMarkedAsTheImportMeter() throws IOException {
        String two = """
                - {id: meter-a, role: meter, profile: power-meter-float32, connection: gw, unitId: 4}
                - {id: meter-b, role: meter, profile: power-meter-float32, connection: gw, unitId: 5}""";
        assertRefused(errors(site(two, "minFlowM3h: 60", "")), "$.devices", "none marked import: true");
        assertRefused(errors(site(two.replace("role: meter,", "role: meter, import: true,"), "minFlowM3h: 60", "")),
                "$.devices[2].import", "a second import meter: 'meter-a'");

        String marked = two.replace("id: meter-b, role: meter,", "id: meter-b, role: meter, import: true,");
        assertEquals(List.of(), errors(site(marked, "minFlowM3h: 60", "")));
        assertEquals(Optional.of("meter-b"), SiteDocuments.check(dir).site().orElseThrow().config().importMeter(),
                "the marked meter, not the first in the list");
        assertEquals(List.of(), errors(valid("")));
        assertEquals(Optional.of("meter"), SiteDocuments.check(dir).site().orElseThrow().config().importMeter(),
                "a single meter needs no mark");
    }

    @Test
    void theImportMarkBelongsOnAnEnabledMeter() throws IOException {
        assertRefused(errors(site("- {id: pdu, role: pdu, import: true, profile: pdu-20-socket, connection: gw, unitId: 9}",
                "minFlowM3h: 60", "")), "$.devices[1].import", "only a meter measures the import");
        assertRefused(errors(site("""
                - {id: meter-a, role: meter, profile: power-meter-float32, connection: gw, unitId: 4}
                - {id: meter-b, role: meter, import: true, enabled: false, profile: power-meter-float32, connection: gw, unitId: 5}""",
                "minFlowM3h: 60", "")), "$.devices[2].import", "is disabled");
    }

    @Test
    void aSecondEnabledBatteryInverterIsRefused() throws IOException {
        String batteries = """
                - {id: meter, role: meter, profile: power-meter-float32, connection: gw, unitId: 4}
                - {id: bess-1, role: battery, profile: sunspec-battery-inverter, connection: gw, unitId: 30}
                - {id: bess-2, role: battery, profile: sunspec-battery-inverter, connection: gw, unitId: 31}""";
        assertRefused(errors(site(batteries, "minFlowM3h: 60", "")), "$.devices[3].role", "'bess-1' is the first");
        String oneDisabled = batteries.replace("unitId: 31}", "unitId: 31, enabled: false}");
        assertEquals(List.of(), errors(site(oneDisabled, "minFlowM3h: 60", "")));
        assertEquals(Optional.of("bess-1"), SiteDocuments.check(dir).site().orElseThrow().config().battery());
    }
}
