package io.containeredge.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnonymousAuditAllowanceTest {

    private static final long SECOND = 1_000_000_000L;
    private long now = 123 * SECOND;

    @Test
    void anAddressGetsItsBurstThenOneRecordPerRefill() {
        AnonymousAuditAllowance allowance = new AnonymousAuditAllowance(new AnonymousAuditAllowance.Limits(3, 1, 100, 100, 10), now);
        for (int i = 0; i < 3; i++) {
            assertTrue(allowance.admit("a", now), "burst " + i);
        }
        assertFalse(allowance.admit("a", now));
        now += 59 * SECOND;
        assertFalse(allowance.admit("a", now), "not yet a whole token");
        now += SECOND;
        assertTrue(allowance.admit("a", now), "a minute refills one");
        assertFalse(allowance.admit("a", now));
        assertTrue(allowance.admit("b", now), "another address has its own bucket");
        assertEquals(3, allowance.droppedTotal());
    }

    @Test
    void theGlobalBucketBoundsManyAddresses() {
        AnonymousAuditAllowance allowance = new AnonymousAuditAllowance(new AnonymousAuditAllowance.Limits(3, 1, 5, 1, 100), now);
        int admitted = 0;
        for (int i = 0; i < 50; i++) {
            admitted += allowance.admit("10.0.0." + i, now) ? 1 : 0;
        }
        assertEquals(5, admitted);
        assertEquals(45, allowance.droppedTotal());
    }

    @Test
    void theSummaryNamesTheAddressesMostRefusedAndStartsAgain() {
        AnonymousAuditAllowance allowance = new AnonymousAuditAllowance(new AnonymousAuditAllowance.Limits(1, 1, 100, 100, 100), now);
        for (int i = 0; i < 3; i++) {
            allowance.admit("b", now);
        }
        for (int i = 0; i < 5; i++) {
            allowance.admit("a", now);
        }
        assertEquals(Optional.of("6 unauthenticated requests not recorded in the last minute from a (4), b (2)"),
                allowance.summary("minute"));
        assertEquals(Optional.empty(), allowance.summary("minute"));
        assertEquals(6, allowance.droppedTotal(), "the total since start stays");
    }

    @Test
    void theAddressesTrackedAreBoundedAndTheRestStillCounted() {
        AnonymousAuditAllowance allowance = new AnonymousAuditAllowance(new AnonymousAuditAllowance.Limits(1, 1, 3, 1, 2), now);
        for (String address : new String[] {"a", "b", "c", "d", "e", "f"}) {
            allowance.admit(address, now);
        }
        // the global bucket admitted three; of the three refused, two addresses are tracked, one is "others"
        assertEquals(Optional.of("3 unauthenticated requests not recorded in the last minute from d (1), e (1) and others (1)"),
                allowance.summary("minute"));
    }

    @Test
    void sevenAddressesAreSummarisedAsFiveNamedAndTwoMore() {
        AnonymousAuditAllowance allowance = new AnonymousAuditAllowance(new AnonymousAuditAllowance.Limits(1, 1, 1000, 1000, 100), now);
        for (int i = 0; i < 7; i++) {
            allowance.admit("10.0.0." + i, now);
            allowance.admit("10.0.0." + i, now);
        }
        String summary = allowance.summary("minute").orElseThrow();
        assertTrue(summary.startsWith("7 unauthenticated requests") && summary.endsWith(" and 2 more addresses"), summary);
    }
}
