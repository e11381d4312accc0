package io.containeredge.control.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.PeakStatus;
import io.containeredge.site.api.PeakSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coincident-peak windows in Texas time: weekday afternoons of June to September, 16:00-17:00 (CDT). */
class PeakLimitTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final PeakSettings FOUR_CP = new PeakSettings(CHICAGO, List.of(new PeakSettings.Window(
            Set.of(Month.JUNE, Month.JULY, Month.AUGUST, Month.SEPTEMBER), EnumSet.range(DayOfWeek.MONDAY,
                    DayOfWeek.FRIDAY), LocalTime.of(16, 0), LocalTime.of(17, 0))), 300);
    private static final SiteLoad LOAD = new SiteLoad(900, true, 40, 0);

    @TempDir
    Path dir;

    private static long at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), CHICAGO).toInstant().toEpochMilli();
    }

    @Test
    void anAlertHoldsTheImportToTheCapOnlyInsideAWindowAndEndsByItself() {
        PeakLimit peak = new PeakLimit(FOUR_CP, dir.resolve("peak-alert.json"));
        long window = at("2027-07-14T16:30"); // a Wednesday
        assertTrue(peak.evaluate(window, LOAD).isEmpty(), "no alert, no limit");
        peak.setAlert(true, window + 3_600_000, "mqtt:ops/4cp", window - 60_000);
        assertEquals(300 - 40, peak.evaluate(window, LOAD).orElseThrow().maxMinerKw(), 1e-9);
        assertTrue(peak.evaluate(at("2027-07-14T15:59"), LOAD).isEmpty(), "before the window");
        assertTrue(peak.evaluate(window + 3_600_001, LOAD).isEmpty(), "the alert has ended");
        PeakStatus s = peak.status(window);
        assertTrue(s.alert() && s.inWindow() && s.binding());
        assertEquals(at("2027-07-15T16:00"), s.nextWindowStartMillis());
    }

    @Test
    void noWindowOnWeekendsOrOutsideTheMonthsAndTheNextOneIsFound() {
        PeakLimit peak = new PeakLimit(FOUR_CP, dir.resolve("peak-alert.json"));
        assertFalse(peak.status(at("2027-07-17T16:30")).inWindow(), "a Saturday");
        assertFalse(peak.status(at("2027-10-13T16:30")).inWindow(), "October");
        assertEquals(at("2028-06-01T16:00"), peak.status(at("2027-10-13T16:30")).nextWindowStartMillis());
    }

    @Test
    void theAlertSurvivesARestartAndAnUnreadableFileHoldsItOn() throws Exception {
        Path file = dir.resolve("peak-alert.json");
        long window = at("2027-07-14T16:30");
        new PeakLimit(FOUR_CP, file).setAlert(true, window + 600_000, "ops", window);
        assertTrue(new PeakLimit(FOUR_CP, file).evaluate(window, LOAD).isPresent());
        Files.writeString(file, "{not json");
        assertTrue(new PeakLimit(FOUR_CP, file).status(System.currentTimeMillis()).alert(), "the careful side");
    }

    @Test
    void anAlertMustEndWithinADay() {
        PeakLimit peak = new PeakLimit(FOUR_CP, dir.resolve("peak-alert.json"));
        long now = at("2027-07-14T12:00");
        assertThrows(IllegalArgumentException.class, () -> peak.setAlert(true, now + 25 * 3_600_000L, "ops", now));
        assertThrows(IllegalArgumentException.class, () -> peak.setAlert(true, now - 1, "ops", now));
        assertFalse(peak.status(now).alert(), "nothing changed");
    }
}
