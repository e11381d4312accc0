package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code grid} section's event measurement and peak windows: defaults, every field, refusals with their paths. */
class GridEventsSectionTest {

    @TempDir
    Path dir;

    private static String site() {
        return SiteDocumentsTest.minimalSite("power-meter-float32", 40, 45);
    }

    private SiteConfig load(String text) throws Exception {
        Files.writeString(dir.resolve("site.yaml"), text);
        return SiteDocuments.load(dir).config();
    }

    private List<ConfigError> errors(String text) throws IOException {
        Files.writeString(dir.resolve("site.yaml"), text);
        return SiteDocuments.check(dir).errors();
    }

    private void assertRefused(String section, String path, String reason) throws IOException {
        List<ConfigError> errors = errors(site() + section);
        assertTrue(errors.stream().anyMatch(e -> e.path().startsWith(path) && e.reason().contains(reason)),
                errors.toString());
    }

    @Test
    void aSiteWithoutTheSectionMeasuresEventsWithTheDefaultsAndHasNoPeakWindows() throws Exception {
        GridSettings g = load(site()).grid();
        assertEquals(GridSettings.NONE, g);
        assertEquals(EventSettings.Baseline.BEFORE_NOTIFICATION, g.events().baseline());
        assertEquals(Duration.ofMinutes(10), g.events().baselineWindow());
    }

    @Test
    void eventsAndPeaksAreRead() throws Exception {
        GridSettings g = load(site() + """
                grid:
                  events: {baseline: before-start, baselineWindow: 30m, levelReductionPct: [10, 40, 90], keepPast: 90d}
                  peaks:
                    timeZone: America/Chicago
                    capKw: 40
                    windows:
                      - {months: [june, july, august, september], days: [monday, tuesday, wednesday, thursday, friday],
                         from: "15:00", to: "18:00"}
                      - {from: "07:00", to: "08:00"}
                """).grid();
        assertEquals(new EventSettings(EventSettings.Baseline.BEFORE_START, Duration.ofMinutes(30),
                List.of(10.0, 40.0, 90.0), Duration.ofDays(90)), g.events());
        PeakSettings p = g.peaks().orElseThrow();
        assertEquals(ZoneId.of("America/Chicago"), p.zone());
        assertEquals(40, p.capKw());
        assertEquals(new PeakSettings.Window(Set.of(Month.JUNE, Month.JULY, Month.AUGUST, Month.SEPTEMBER),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(15, 0), LocalTime.of(18, 0)),
                p.windows().get(0));
        assertEquals(12, p.windows().get(1).months().size(), "no months: every month");
        assertEquals(7, p.windows().get(1).days().size(), "no days: every day");
    }

    @Test
    void badSettingsAreRefusedWithTheirPaths() throws Exception {
        assertRefused("grid:\n  events: {baselineWindow: 10s}\n", "$.grid.events.baselineWindow", "");
        assertRefused("grid:\n  events: {levelReductionPct: [50, 40, 90]}\n", "$.grid.events.levelReductionPct[1]",
                "a higher level sheds at least as much");
        assertRefused("grid:\n  events: {baseline: yesterday}\n", "$.grid.events.baseline", "");
        assertRefused("grid:\n  peaks: {timeZone: Mars/Olympus, capKw: 40, windows: [{from: \"15:00\", to: \"18:00\"}]}\n",
                "$.grid.peaks.timeZone", "unknown time zone");
        assertRefused("grid:\n  peaks: {timeZone: UTC, capKw: 40, windows: [{from: \"18:00\", to: \"15:00\"}]}\n",
                "$.grid.peaks.windows[0].to", "is not after");
        assertRefused("grid:\n  peaks: {timeZone: UTC, capKw: 99999, windows: [{from: \"15:00\", to: \"18:00\"}]}\n",
                "$.grid.peaks.capKw", "can only lower it");
        assertRefused("grid:\n  peaks: {timeZone: UTC, capKw: 40, windows: [{from: \"25:00\", to: \"26:00\"}]}\n",
                "$.grid.peaks.windows[0].from", "");
        assertRefused("grid:\n  peaks: {timeZone: UTC, capKw: 40, windows: []}\n", "$.grid.peaks.windows", "");
        assertRefused("grid:\n  surprise: 1\n", "$.grid", "");
    }
}
