package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code siteLease} section: absent, defaults, every field, refusals with their paths. */
class SiteLeaseSectionTest {

    @TempDir
    Path dir;

    /** The minimal site's import cap is its transformer rating, 2500 kW. */
    private static String site() {
        return SiteDocumentsTest.minimalSite("power-meter-float32", 40, 45);
    }

    private void assertRefused(String section, String path, String reason) throws Exception {
        List<ConfigError> errors = SiteTexts.errors(dir, site() + section);
        assertTrue(errors.stream().anyMatch(e -> e.path().equals(path) && e.reason().contains(reason)),
                errors.toString());
    }

    @Test
    void aSiteWithoutTheSectionIsNotCoordinated() throws Exception {
        assertTrue(SiteTexts.load(dir, site()).siteLease().isEmpty());
    }

    @Test
    void onlyTheShareIsRequiredTheRestHasDefaults() throws Exception {
        SiteLeaseSettings s = SiteTexts.load(dir, site() + "siteLease: {fallbackShareKw: 900}\n").siteLease()
                .orElseThrow();
        assertEquals(new SiteLeaseSettings(900, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5)),
                s);
    }

    @Test
    void everyFieldIsRead() throws Exception {
        SiteLeaseSettings s = SiteTexts.load(dir, site() + """
                siteLease: {fallbackShareKw: 2500, reportEvery: 500ms, riseDelay: 0s, maxClockSkew: 1m}
                """).siteLease().orElseThrow();
        assertEquals(new SiteLeaseSettings(2500, Duration.ofMillis(500), Duration.ZERO, Duration.ofMinutes(1)), s);
    }

    @Test
    void theShareMustBeAboveZeroAndNotAboveTheImportCap() throws Exception {
        assertRefused("siteLease: {fallbackShareKw: 0}\n", "$.siteLease.fallbackShareKw", "");
        assertRefused("siteLease: {fallbackShareKw: 2500.5}\n", "$.siteLease.fallbackShareKw",
                "above the site's import cap 2500.0 kW");
        assertRefused("siteLease: {reportEvery: 2s}\n", "$.siteLease", "fallbackShareKw");
    }

    @Test
    void durationsOutsideTheirRangesAreRefused() throws Exception {
        assertRefused("siteLease: {fallbackShareKw: 900, reportEvery: 499ms}\n", "$.siteLease.reportEvery",
                "outside 500ms .. 1m");
        assertRefused("siteLease: {fallbackShareKw: 900, reportEvery: 61s}\n", "$.siteLease.reportEvery",
                "outside 500ms .. 1m");
        assertRefused("siteLease: {fallbackShareKw: 900, riseDelay: 11m}\n", "$.siteLease.riseDelay",
                "outside 0s .. 10m");
        assertRefused("siteLease: {fallbackShareKw: 900, maxClockSkew: 61s}\n", "$.siteLease.maxClockSkew",
                "outside 0s .. 1m");
        assertRefused("siteLease: {fallbackShareKw: 900, unknown: 1}\n", "$.siteLease", "");
    }
}
