package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.device.DeviceConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The under-frequency guard ({@code grid.frequency}): read with its defaults, its point given its own poll, and every
 * setting that would leave the guard blind or off refused with its path.
 */
class FrequencySectionTest {

    @TempDir
    Path dir;

    /** The loader tests' minimal site (meter m1 on the float32 map, which has a frequency point), plus devices. */
    private static String site(String devices, String grid) {
        return SiteDocumentsTest.minimalSite("power-meter-float32", 40, 45)
                .replace("limits:\n", devices + "limits:\n  importCapKw: 2000\n") + grid;
    }

    private static String guard(String settings) {
        return site("", "grid:\n  frequency: {" + settings + "}\n");
    }

    @Test
    void aSiteWithoutTheSectionHasNoGuardAndNoDedicatedPoll() throws Exception {
        SiteConfig s = SiteTexts.load(dir, site("", ""));
        assertEquals(Optional.empty(), s.grid().frequency());
        assertEquals(Map.of(), s.device("m1").orElseThrow().dedicatedPolls());
    }

    @Test
    void theGuardIsReadWithItsDefaultsAndItsPointGetsItsOwnPoll() throws Exception {
        SiteConfig s = SiteTexts.load(dir, guard("point: m1/frequency, nominalHz: 60"));
        assertEquals(Optional.of(new FrequencyGuardSettings("m1", "frequency", Duration.ofMillis(100), 60, 59.7, 2,
                true, 0, false, 0.1, Duration.ofSeconds(30), Duration.ofMinutes(1))), s.grid().frequency());
        DeviceConfig meter = s.device("m1").orElseThrow();
        assertEquals(Map.of("frequency", Duration.ofMillis(100)), meter.dedicatedPolls());
        assertEquals(Duration.ofSeconds(1), meter.period(io.containeredge.modbus.profile.PollClass.NORMAL),
                "the meter's other points keep their classes");
        assertEquals(49.7, SiteTexts.load(dir, guard("point: m1/frequency, nominalHz: 50")).grid().frequency()
                .orElseThrow().thresholdHz(), 1e-9);
    }

    @Test
    void everyFieldIsRead() throws Exception {
        FrequencyGuardSettings f = SiteTexts.load(dir, guard("device: m1, point: frequency, nominalHz: 50, poll: 50ms,"
                + " thresholdHz: 49.5, readings: 3, shed: 400, hardCut: true, hysteresisHz: 0.2, restoreAfter: 2m,"
                + " restoreRamp: 5m")).grid().frequency().orElseThrow();
        assertEquals(new FrequencyGuardSettings("m1", "frequency", Duration.ofMillis(50), 50, 49.5, 3, false, 400,
                true, 0.2, Duration.ofMinutes(2), Duration.ofMinutes(5)), f);
        assertEquals("m1/frequency", f.pointPath());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "point: m1/frequency | | nominalHz",
        "point: m1/frequency, nominalHz: 55 | nominalHz | does not have a value in the enumeration",
        "point: m1/frequency, nominalHz: 60, thresholdHz: 60 | thresholdHz | 60.00 Hz is not between 57.00 and 60.00",
        "point: m1/frequency, nominalHz: 60, thresholdHz: 56.5 | thresholdHz | 56.50 Hz is not between 57.00 and 60.00",
        "point: m1/frequency, nominalHz: 50, thresholdHz: 59.7 | thresholdHz | 59.70 Hz is not between 47.00 and 50.00",
        "point: m1/frequency, nominalHz: 60, readings: 0 | readings | minimum value of 1",
        "point: m1/frequency, nominalHz: 60, readings: 11 | readings | maximum value of 10",
        "point: m1/frequency, nominalHz: 60, shed: 0 | shed | ",
        "point: m1/frequency, nominalHz: 60, shed: some | shed | ",
        "point: m1/frequency, nominalHz: 60, shed: 2500 | shed | above the site's import cap 2000.0 kW",
        "point: m1/frequency, nominalHz: 60, poll: 10ms | poll | 10ms is outside 50ms .. 1s",
        "point: m1/frequency, nominalHz: 60, poll: 2s | poll | 2s is outside 50ms .. 1s",
        "point: m1/frequency, nominalHz: 60, hysteresisHz: 0 | hysteresisHz | exclusive minimum value of 0",
        "point: m1/frequency, nominalHz: 60, hysteresisHz: 2 | hysteresisHz | maximum value of 1",
        "point: m1/frequency, nominalHz: 60, restoreAfter: 0s | restoreAfter | 0s is outside 1s .. 60m",
        "point: m1/frequency, nominalHz: 60, restoreRamp: 2h | restoreRamp | 120m is outside 0s .. 60m",
        "point: m1/frequency, nominalHz: 60, enabled: false | | enabled",
        "point: frequency, nominalHz: 60 | point | names no device",
        "point: m9/frequency, nominalHz: 60 | point | no device 'm9' in the site",
        "point: m1/hz, nominalHz: 60 | point | profile 'power-meter-float32' of device 'm1' has no point 'hz'"})
    void aGuardThatWouldBeBlindOrOffIsRefusedWithItsPath(String settings, String field, String reason)
            throws IOException {
        String path = "$.grid.frequency" + (field == null ? "" : "." + field);
        List<ConfigError> errors = SiteTexts.errors(dir, guard(settings));
        String part = reason == null ? "" : reason;
        assertTrue(errors.stream().anyMatch(e -> e.path().equals(path) && e.reason().contains(part)),
                () -> "expected " + path + " (" + part + ") in " + errors);
    }

    @Test
    void aDisabledMeterIsRefused() throws IOException {
        List<ConfigError> errors = SiteTexts.errors(dir, site("  - {id: m2, role: meter, profile: power-meter-float32,"
                + " connection: gw, unitId: 5, enabled: false}\n",
                "grid:\n  frequency: {point: m2/frequency, nominalHz: 60}\n"));
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.grid.frequency.point")
                && e.reason().contains("device 'm2' is disabled")), errors::toString);
    }

    @Test
    void aSunSpecMetersModelPointIsAccepted() throws Exception {
        String text = site("  - {id: m2, role: meter, profile: sunspec-meter-213, connection: gw, unitId: 5}\n",
                "grid:\n  frequency: {point: m2/m213.Hz, nominalHz: 60}\n")
                .replace("unitId: 4}", "unitId: 4, import: true}");
        assertEquals(List.of(), SiteTexts.errors(dir, text));
        assertEquals(Map.of("m213.Hz", Duration.ofMillis(100)),
                SiteTexts.load(dir, text).device("m2").orElseThrow().dedicatedPolls());
        assertTrue(SiteTexts.errors(dir, text.replace("m213.Hz", "m213.Nope")).stream()
                .anyMatch(e -> e.reason().contains("has no point 'm213.Nope'")));
    }
}
