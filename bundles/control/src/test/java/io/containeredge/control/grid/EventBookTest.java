package io.containeredge.control.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.ComplianceSecond;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.Verdict;
import io.containeredge.site.api.EventSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The book's arithmetic, checks and persistence, second by second on a virtual wall clock. */
class EventBookTest {

    private static final long T0 = 1_800_000_000_000L;
    private static final EventTarget LIMIT_100 = new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 100);

    @TempDir
    Path dir;

    private static GridEvent event(String id, long start, Duration length, EventTarget target) {
        return new GridEvent(id, "test", "test", T0, Duration.ZERO, List.of(new EventInterval(start,
                start + length.toMillis(), target)));
    }

    private static SiteLoad load(double importKw) {
        return new SiteLoad(importKw, true, 25, 0);
    }

    /** Advances {@code book} once a second from {@code from} (inclusive) to {@code to} (exclusive) at a fixed import. */
    private static List<Verdict> run(EventBook book, long from, long to, double importKw) {
        List<Verdict> last = List.of();
        for (long t = from; t < to; t += 1000) {
            last = book.advance(t, load(importKw));
        }
        return last;
    }

    @Test
    void theBaselineIsTheAverageImportOfTheWindowBeforeTheNotification() {
        EventBook book = new EventBook(EventSettings.DEFAULTS, 2200, dir);
        run(book, T0 - 600_000, T0 - 300_000, 200);
        run(book, T0 - 300_000, T0, 100);
        book.schedule(new GridEvent("r", "test", "test", T0, Duration.ZERO, List.of(new EventInterval(T0 + 60_000,
                T0 + 120_000, new EventTarget(EventTarget.Kind.REDUCTION_KW, 50)))), T0);
        List<Verdict> v = run(book, T0, T0 + 61_000, 150);
        assertEquals(150, book.statuses(T0 + 61_000).get(0).performance().baselineKw(), 1e-9);
        assertEquals(100 - 25, v.get(0).maxMinerKw(), 1e-9, "import 150 - 50 less the other 25 kW");
        assertEquals(Verdict.Strength.SOFT, v.get(0).strength());
    }

    @Test
    void aShedLevelTakesItsConfiguredShareOfTheBaseline() {
        EventBook book = new EventBook(EventSettings.DEFAULTS, 2200, dir);
        run(book, T0 - 600_000, T0, 200);
        book.schedule(event("lvl", T0 + 1000, Duration.ofMinutes(5), new EventTarget(EventTarget.Kind.LEVEL, 2)), T0);
        List<Verdict> v = run(book, T0, T0 + 5000, 200);
        assertEquals(100 - 25, v.get(0).maxMinerKw(), 1e-9, "level 2: 50 % of 200 kW");
    }

    @Test
    void eventsAndTheirSecondsSurviveARestartAndTheSecondsItMissedAreUnmeasured() {
        EventBook book = new EventBook(EventSettings.DEFAULTS, 2200, dir);
        book.schedule(event("e", T0 + 10_000, Duration.ofMinutes(2), LIMIT_100), T0);
        run(book, T0, T0 + 40_000, 90); // 30 s in, then the gateway is killed for 20 s
        EventBook restarted = new EventBook(EventSettings.DEFAULTS, 2200, dir);
        GridEventStatus held = restarted.statuses(T0 + 60_000).get(0);
        assertEquals(GridEventStatus.State.ACTIVE, held.state());
        assertEquals(30, held.performance().measuredSeconds());
        run(restarted, T0 + 60_000, T0 + 140_000, 90);
        GridEventStatus done = restarted.statuses(T0 + 140_000).get(0);
        assertEquals(GridEventStatus.State.COMPLETED, done.state());
        assertEquals(120, done.performance().measuredSeconds() + done.performance().unmeasuredSeconds());
        assertEquals(20, done.performance().unmeasuredSeconds(), "the 20 s the gateway was down");
        List<ComplianceSecond> rows = restarted.compliance("e").orElseThrow();
        assertEquals(120, rows.size());
        assertTrue(Double.isNaN(rows.get(35).importKw()));
        assertEquals(0, done.performance().shortfallKwS(), 1e-9);
    }

    @Test
    void aTornLastRowAfterACrashIsLeftOut() throws Exception {
        EventBook book = new EventBook(EventSettings.DEFAULTS, 2200, dir);
        book.schedule(event("t", T0, Duration.ofMinutes(2), LIMIT_100), T0);
        run(book, T0, T0 + 10_000, 120);
        Files.writeString(dir.resolve("t.csv"), "1800000010,NaN,100.0", java.nio.file.StandardOpenOption.APPEND);
        EventBook restarted = new EventBook(EventSettings.DEFAULTS, 2200, dir);
        assertEquals(10, restarted.compliance("t").orElseThrow().size());
        assertEquals(200, restarted.statuses(T0 + 10_000).get(0).performance().shortfallKwS(), 1e-9, "10 s of 20 kW over");
    }

    @Test
    void anUpdateKeepsTheBaselineAndSecondsAnEndedEventCannotBeReusedAndACancelledOneStopsCounting() {
        EventBook book = new EventBook(EventSettings.DEFAULTS, 2200, dir);
        book.schedule(event("u", T0, Duration.ofMinutes(10), LIMIT_100), T0);
        run(book, T0, T0 + 30_000, 100);
        book.schedule(event("u", T0, Duration.ofMinutes(10), new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 80)),
                T0 + 30_000);
        List<Verdict> v = run(book, T0 + 30_000, T0 + 31_000, 100);
        assertEquals(80 - 25, v.get(0).maxMinerKw(), 1e-9);
        assertEquals(31, book.statuses(T0 + 31_000).get(0).performance().measuredSeconds(), "seconds 0 to 30");
        assertTrue(book.cancel("u", "ops", T0 + 31_000));
        assertFalse(book.cancel("u", "ops", T0 + 32_000), "already cancelled");
        assertTrue(run(book, T0 + 32_000, T0 + 40_000, 100).isEmpty(), "no limit after the cancellation");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> book.schedule(event("u",
                T0 + 60_000, Duration.ofMinutes(10), LIMIT_100), T0 + 40_000));
        assertTrue(e.getMessage().contains("has ended (cancelled)"), e.getMessage());
    }

    @Test
    void anUpcomingEventCancelledIsGoneAndFinishedEventsAreDroppedAfterKeepPast() {
        EventSettings shortKeep = new EventSettings(EventSettings.Baseline.BEFORE_NOTIFICATION, Duration.ofMinutes(10),
                List.of(25.0, 50.0, 100.0), Duration.ofDays(1));
        EventBook book = new EventBook(shortKeep, 2200, dir);
        book.schedule(event("later", T0 + 3_600_000, Duration.ofMinutes(10), LIMIT_100), T0);
        assertTrue(book.cancel("later", "ops", T0));
        assertTrue(book.statuses(T0).isEmpty());
        book.schedule(event("old", T0, Duration.ofMinutes(1), LIMIT_100), T0);
        run(book, T0, T0 + 61_000, 100);
        assertEquals(GridEventStatus.State.COMPLETED, book.statuses(T0 + 61_000).get(0).state());
        book.advance(T0 + Duration.ofDays(1).toMillis() + 120_000, load(100));
        assertTrue(book.statuses(T0 + Duration.ofDays(1).toMillis() + 120_000).isEmpty());
        assertFalse(Files.exists(dir.resolve("old.csv")));
    }

    @Test
    void badEventsAreRefusedWithTheReasonAndChangeNothing() {
        EventBook book = new EventBook(EventSettings.DEFAULTS, 2200, dir);
        assertRefused(book, event("../etc/passwd", T0, Duration.ofMinutes(5), LIMIT_100), "is not 1-128 letters");
        assertRefused(book, event("short", T0, Duration.ofSeconds(30), LIMIT_100), "1 minute to 24 hours");
        assertRefused(book, event("over", T0, Duration.ofMinutes(5), new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW,
                5000)), "import cap 2200 kW");
        assertRefused(book, event("nan", T0, Duration.ofMinutes(5), new EventTarget(EventTarget.Kind.REDUCTION_KW,
                Double.NaN)), "not a number");
        assertRefused(book, event("lvl", T0, Duration.ofMinutes(5), new EventTarget(EventTarget.Kind.LEVEL, 4)),
                "not 0, 1, 2 or 3");
        assertRefused(book, event("past", T0 - 600_000, Duration.ofMinutes(5), LIMIT_100), "has ended already");
        assertRefused(book, event("far", T0 + Duration.ofDays(8).toMillis(), Duration.ofMinutes(5), LIMIT_100),
                "7 days ahead");
        assertRefused(book, new GridEvent("ramp", "test", "test", T0, Duration.ofHours(1), List.of(new EventInterval(
                T0, T0 + 600_000, LIMIT_100))), "ramp");
        assertRefused(book, new GridEvent("overlap", "test", "test", T0, Duration.ZERO, List.of(
                new EventInterval(T0, T0 + 600_000, LIMIT_100), new EventInterval(T0 + 300_000, T0 + 900_000,
                        LIMIT_100))), "not overlapping");
        assertTrue(book.statuses(T0).isEmpty());
        assertFalse(Files.exists(dir.resolve("events.json")), "nothing written");
    }

    private static void assertRefused(EventBook book, GridEvent e, String reason) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> book.schedule(e, T0));
        assertTrue(x.getMessage().contains(reason), x.getMessage());
    }

    @Test
    void exportLimitsAndPricesAreNoImportLimitsButAreGivenToTheLimiterAndEconomics() {
        EventBook book = new EventBook(EventSettings.DEFAULTS, 2200, dir);
        book.schedule(new GridEvent("x", "test", "test", T0, Duration.ZERO, List.of(
                new EventInterval(T0, T0 + 600_000, new EventTarget(EventTarget.Kind.EXPORT_LIMIT_KW, 50)),
                new EventInterval(T0 + 600_000, T0 + 1_200_000, new EventTarget(EventTarget.Kind.PRICE_USD_PER_MWH,
                        900)))), T0);
        assertTrue(run(book, T0, T0 + 10_000, 100).isEmpty(), "no import limit");
        assertEquals(50, book.exportLimitKw(T0 + 10_000).orElseThrow(), 1e-9);
        assertTrue(book.priceAt(T0 + 10_000).isEmpty());
        assertTrue(book.exportLimitKw(T0 + 700_000).isEmpty());
        assertEquals(900, book.priceAt(T0 + 700_000).orElseThrow().usdPerMwh(), 1e-9);
        assertTrue(book.compliance("x").orElseThrow().isEmpty(), "nothing to comply with on the import");
        assertTrue(book.cancel("x", "ops", T0 + 20_000));
        assertTrue(book.priceAt(T0 + 700_000).isEmpty(), "a cancelled event's price is gone");
    }
}
