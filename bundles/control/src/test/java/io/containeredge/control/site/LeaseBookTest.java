package io.containeredge.control.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.SiteLeaseStatus;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteLeaseSettings;
import io.containeredge.site.api.SiteReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease book alone on a virtual wall clock: fallback share 500 kW, riseDelay 10 s, maxClockSkew 5 s. */
class LeaseBookTest {

    private static final long T0 = 1_800_000_000_000L;
    private static final SiteLeaseSettings SETTINGS = new SiteLeaseSettings(500, Duration.ofSeconds(2),
            Duration.ofSeconds(10), Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private LeaseBook book() {
        return new LeaseBook("site-a", "c-01", SETTINGS, dir.resolve("site-lease.json"));
    }

    /** A 30-second lease issued at {@code issuedAt}. */
    private static SiteLease lease(long epoch, long seq, double budgetKw, double fallbackKw, long issuedAt) {
        return new SiteLease("site-a", "c-01", epoch, seq, budgetKw, fallbackKw, issuedAt, issuedAt + 30_000);
    }

    private static String refusal(LeaseBook book, SiteLease l, long now) {
        return assertThrows(IllegalArgumentException.class, () -> book.accept(l, "test", now)).getMessage();
    }

    @Test
    void beforeAnyLeaseTheConfiguredShareHolds() {
        LeaseBook book = book();
        SiteLeaseStatus s = book.status(T0, false);
        assertEquals(LeaseBook.NONE, s.state());
        assertEquals(500, s.limitKw());
        assertTrue(Double.isNaN(s.budgetKw()));
        assertEquals(-1, s.seq());
        assertEquals(0, s.epoch());
        assertNull(book.reportState(T0));
        assertTrue(s.reason().contains("no lease since start"), s.reason());
    }

    @Test
    void aLeaseHoldsUntilItsExpiryAndARenewalExtendsIt() {
        LeaseBook book = book();
        SiteLeaseStatus s = book.accept(lease(1, 1, 800, 400, T0), "mqtt:coord", T0);
        assertEquals(LeaseBook.LEASED, s.state());
        assertEquals(800, s.limitKw());
        assertEquals(T0 + 30_000, s.expiresAtMillis());
        assertTrue(s.reason().contains("lease 1/1 from mqtt:coord: budget 800 kW"), s.reason());
        assertEquals(800, book.importLimitKw(T0 + 29_999));
        book.accept(lease(1, 2, 700, 400, T0 + 5_000), "mqtt:coord", T0 + 5_000);
        assertEquals(700, book.importLimitKw(T0 + 34_999));
        assertEquals(new SiteReport.LeaseState(1, 2, 700, T0 + 35_000, "LEASED"), book.reportState(T0 + 6_000));
        assertEquals(LeaseBook.FALLBACK, book.state(T0 + 35_000));
        assertEquals(400, book.importLimitKw(T0 + 35_000), "the lower of the configured and the lease's share");
        assertEquals("FALLBACK", book.reportState(T0 + 35_000).state());
    }

    @Test
    void aLeaseEndsByItsTermFromArrivalWhenThisClockIsBehind() {
        LeaseBook book = book();
        // issued 2 s "ahead" of this clock (within the skew): ends 30 s after arrival, not 32 s
        book.accept(lease(1, 1, 800, 600, T0 + 2_000), "test", T0);
        assertEquals(T0 + 30_000, book.status(T0, false).expiresAtMillis());
        assertEquals(LeaseBook.FALLBACK, book.state(T0 + 30_000));
        assertEquals(500, book.importLimitKw(T0 + 30_000), "the configured share, lower than the lease's");
    }

    @Test
    void aLeaseArrivingLateEndsAtItsExpiry() {
        LeaseBook book = book();
        book.accept(lease(1, 1, 800, 600, T0), "test", T0 + 20_000);
        assertEquals(T0 + 30_000, book.status(T0 + 20_000, false).expiresAtMillis());
    }

    @Test
    void aLeaseIssuedTooFarAheadOrAlreadyExpiredIsRefused() {
        LeaseBook book = book();
        assertTrue(refusal(book, lease(1, 1, 800, 600, T0 + 5_001), T0).contains("ahead of this clock"));
        assertTrue(refusal(book, lease(1, 1, 800, 600, T0), T0 + 30_000).contains("expired"));
        assertEquals(LeaseBook.NONE, book.state(T0));
        assertTrue(book.status(T0, false).lastRefusal().contains("expired"));
        book.accept(lease(1, 1, 800, 600, T0 + 5_000), "test", T0);
    }

    @Test
    void aBudgetBelowTheShareSettlesForTheRiseDelay() {
        LeaseBook book = book();
        book.accept(lease(1, 1, 200, 600, T0), "test", T0);
        assertEquals(LeaseBook.SETTLING, book.state(T0 + 30_000));
        assertEquals(200, book.importLimitKw(T0 + 39_999));
        assertEquals(LeaseBook.FALLBACK, book.state(T0 + 40_000));
        assertEquals(500, book.importLimitKw(T0 + 40_000));
    }

    @Test
    void aNewEpochIsTakenWhateverItsSeqAndAnOldOneIsRefused() {
        LeaseBook book = book();
        book.accept(lease(4, 100, 800, 600, T0), "test", T0);
        book.accept(lease(5, 0, 700, 600, T0 + 1_000), "test", T0 + 1_000);
        assertTrue(refusal(book, lease(4, 101, 900, 600, T0 + 2_000), T0 + 2_000).contains("stale"));
        assertTrue(refusal(book, lease(5, 0, 900, 600, T0 + 2_000), T0 + 2_000).contains("not newer"));
        assertEquals(700, book.importLimitKw(T0 + 2_000));
    }

    @Test
    void theHighestEpochSurvivesARestartAndAnUnreadableFileStartsFromZero() throws Exception {
        book().accept(lease(9, 1, 800, 600, T0), "test", T0);
        assertEquals(9, book().status(T0, false).epoch());
        assertTrue(refusal(book(), lease(8, 1, 800, 600, T0), T0).contains("stale"));
        Files.writeString(dir.resolve("site-lease.json"), "{not json");
        LeaseBook unreadable = book();
        assertEquals(0, unreadable.status(T0, false).epoch());
        assertTrue(unreadable.stateFileProblem().orElseThrow().contains("unreadable"));
        unreadable.accept(lease(2, 1, 800, 600, T0), "test", T0);
        assertTrue(unreadable.stateFileProblem().isEmpty(), "written again");
        assertEquals(2, book().status(T0, false).epoch());
    }

    @Test
    void aBookWithoutAFileKeepsTheEpochInMemory() {
        LeaseBook book = new LeaseBook("site-a", "c-01", SETTINGS, null);
        book.accept(lease(3, 1, 800, 600, T0), "test", T0);
        assertTrue(refusal(book, lease(2, 2, 800, 600, T0), T0).contains("stale"));
    }
}
