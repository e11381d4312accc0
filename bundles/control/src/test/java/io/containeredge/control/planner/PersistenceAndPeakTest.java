package io.containeredge.control.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistence forecast learned from PV readings (kept across restarts) and the month's peak for the demand charge. */
class PersistenceAndPeakTest {

    private static final long Q = 15 * 60_000L;
    private static final long DAY = 96 * Q;
    private static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void theForecastIsTheMeanOfTheSameQuarterHourOverTheLastDaysMeasuredAndSurvivesARestart() {
        Path file = dir.resolve("pv-history.json");
        PvHistory h = new PvHistory(file);
        h.add(T0, 100);
        h.add(T0 + 60_000, 200); // the quarter's mean: 150
        h.add(T0 + DAY, 90);
        h.add(T0 + DAY + Q, 0); // a new quarter: the finished ones are saved
        assertEquals(Optional.of((150 + 90) / 2.0), h.forecastAt(T0 + 2 * DAY + 5 * 60_000));
        assertEquals(Optional.of(90.0), h.forecastAt(T0 + 4 * DAY), "three days back: only the last day's");
        assertEquals(Optional.empty(), h.forecastAt(T0 + 5 * DAY), "nothing measured: no forecast");

        PvHistory restarted = new PvHistory(file);
        assertEquals(Optional.of((150 + 90) / 2.0), restarted.forecastAt(T0 + 2 * DAY));
    }

    @Test
    void anUnreadableHistoryIsSetAsideAndLearningStartsAgain() throws Exception {
        Path file = dir.resolve("pv-history.json");
        Files.writeString(file, "{\"version\": 1, \"quarters\": {\"5\": \"lots\"}}");
        PvHistory h = new PvHistory(file);
        assertEquals(Optional.empty(), h.forecastAt(5 * Q + DAY));
        assertTrue(Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith("pv-history.json.set-aside-")));
    }

    @Test
    void theMonthsPeakIsTheHighestCompleteQuarterHourMeanAndStartsAgainWithTheMonth() {
        MonthPeak peak = new MonthPeak(ZoneOffset.UTC);
        long month = java.time.LocalDate.of(2027, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        peak.add(month, 1000);
        peak.add(month + 60_000, 3000); // a spike within the quarter: its mean counts, once complete
        assertEquals(0, peak.peakKw(month + 2 * 60_000), "the quarter is not complete yet");
        peak.add(month + Q, 500);
        assertEquals(2000, peak.peakKw(month + Q));
        long april = java.time.LocalDate.of(2027, 4, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        assertEquals(0, peak.peakKw(april), "a new month, a new peak");
    }
}
