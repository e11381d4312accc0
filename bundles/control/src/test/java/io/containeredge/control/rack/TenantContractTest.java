package io.containeredge.control.rack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.AiSettings.Contract;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The contract's clock: capped time, breaches, the notice of a cap for a price, the month's allowance. */
class TenantContractTest {

    private static final Contract CONTRACT = new Contract(100, 100, 140, 1, Duration.ofMinutes(5));
    private static final long T = Instant.parse("2026-12-31T23:00:00Z").toEpochMilli();
    private static final long MIN = 60_000;

    private static TenantContract.State after(TenantContract.State s, double grantKw, long wall) {
        return TenantContract.account(CONTRACT, s, Double.NaN, grantKw, 200, wall, ZoneOffset.UTC);
    }

    @Test
    void cappedTimeCountsWhileTheBandIsCappedAndStartsAgainWithTheMonth() {
        TenantContract.State s = TenantContract.State.fresh(YearMonth.of(2026, 12));
        s = after(s, 150, T);
        s = after(s, 150, T + 10 * MIN);
        s = after(s, 200, T + 30 * MIN);
        assertEquals(30 * MIN, s.cappedMillis(), "capped from the first cycle to the one that ended it");
        assertFalse(s.capped());
        s = after(s, 150, T + 50 * MIN);
        s = after(s, 150, T + 70 * MIN); // 00:10 on 1 January
        assertEquals(YearMonth.of(2027, 1), s.month());
        assertEquals(0, s.cappedMillis(), "a new month, a new allowance");
    }

    @Test
    void aBreachIsCountedOncePerEpisode() {
        TenantContract.State s = TenantContract.State.fresh(YearMonth.of(2026, 12));
        s = after(s, 80, T);
        s = after(s, 60, T + MIN);
        assertTrue(s.inBreach());
        s = after(s, 100, T + 2 * MIN);
        s = after(s, 50, T + 3 * MIN);
        assertEquals(2, s.breaches());
        assertFalse(s.capped(), "under the floor is a breach, not a cap of the band");
    }

    @Test
    void aPriceAboveTheBandIsAnnouncedThenCapsItAfterTheNotice() {
        TenantContract.State s = TenantContract.State.fresh(YearMonth.of(2026, 12));
        TenantContract.Band first = TenantContract.band(CONTRACT, s, 180, T, ZoneOffset.UTC);
        assertFalse(first.cappedForPrice());
        assertTrue(first.note().startsWith("band cap announced for 23:05"), first.note());
        s = TenantContract.account(CONTRACT, s, 180, 200, 200, T, ZoneOffset.UTC);
        assertFalse(TenantContract.band(CONTRACT, s, 180, T + 4 * MIN, ZoneOffset.UTC).cappedForPrice());
        assertTrue(TenantContract.band(CONTRACT, s, 180, T + 5 * MIN, ZoneOffset.UTC).cappedForPrice());
        s = TenantContract.account(CONTRACT, s, 120, 200, 200, T + 6 * MIN, ZoneOffset.UTC);
        assertTrue(TenantContract.band(CONTRACT, s, 180, T + 7 * MIN, ZoneOffset.UTC).note().contains("23:12"),
                "a price that fell back under the value starts a new notice");
    }

    @Test
    void theMonthsAllowanceSpentTheBandIsOfferedAboveEveryMiner() {
        TenantContract.State spent = TenantContract.State.restored(YearMonth.of(2026, 12), 3_600_000, 0);
        TenantContract.Band b = TenantContract.band(CONTRACT, spent, 500, T, ZoneOffset.UTC);
        assertEquals(Double.POSITIVE_INFINITY, b.valuePerKw());
        assertFalse(b.cappedForPrice());
    }
}
