package io.containeredge.coordinator.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.coordinator.RecordingPublisher;
import io.containeredge.coordinator.TestSites;
import io.containeredge.coordinator.allocation.Allocation;
import io.containeredge.coordinator.allocation.Grant;
import io.containeredge.coordinator.limits.PoiLimit;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorConfig.Container;
import io.containeredge.site.api.SiteLease;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseIssuerTest {

    private static final CoordinatorConfig CONFIG = TestSites.site(1000, 0, List.of(new Container("c-01", 300),
            new Container("c-02", 200)));
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final LeaseIssuer issuer = new LeaseIssuer(CONFIG, new byte[32], publisher);

    private static Allocation budgets(long at, double first, double second) {
        return new Allocation(at, PoiLimit.cap(CONFIG), 0, List.of(new Grant("c-01", first, first, first, true, ""),
                new Grant("c-02", second, second, second, true, "")));
    }

    @Test
    void aRoundSharesItsTimesAndSeqWhichRisesWithinTheEpoch() {
        issuer.startEpoch(7);
        assertTrue(issuer.issue(budgets(1000, 500, 400), 1000, () -> true));
        assertTrue(issuer.issue(budgets(6000, 500, 400), 6000, () -> true));
        List<SiteLease> sent = publisher.leases();
        assertEquals(4, sent.size());
        assertEquals(List.of(1L, 1L, 2L, 2L), sent.stream().map(SiteLease::seq).toList());
        assertEquals(31_000, sent.get(0).expiresAtMillis());
        assertEquals(sent.get(0).issuedAtMillis(), sent.get(1).issuedAtMillis());
        assertEquals(200, sent.get(3).fallbackKw());
        assertTrue(sent.stream().allMatch(l -> l.epoch() == 7));
    }

    @Test
    void aRoundIsDueEveryRenewalAndAtOnceWhenABudgetFalls() {
        issuer.startEpoch(1);
        assertTrue(issuer.due(budgets(0, 500, 400), 0), "the first round of an epoch is due at once");
        issuer.issue(budgets(1000, 500, 400), 1000, () -> true);
        assertFalse(issuer.due(budgets(3000, 600, 400), 3000), "a rise waits for the renewal");
        assertTrue(issuer.due(budgets(3000, 500, 399), 3000), "a fall goes out at once");
        assertTrue(issuer.due(budgets(6000, 500, 400), 6000));
    }

    @Test
    void aRoundStopsWhenLeadershipGoes() {
        issuer.startEpoch(1);
        assertFalse(issuer.issue(budgets(1000, 500, 400), 1000, () -> publisher.count() == 0));
        assertEquals(1, publisher.count());
    }

    @Test
    void underASiteLimitTheFallbackSharesAreScaledAndTheirFallIsSentAtOnce() {
        issuer.startEpoch(7);
        assertTrue(issuer.issue(budgets(1000, 250, 200), 1000, () -> true));
        assertFalse(issuer.due(budgets(2000, 250, 200), 2000));
        // a site limit of 250 kW: the shares (500 kW together) halved, the budgets as they were
        PoiLimit limit = new PoiLimit(250, 250, 0.5, "ev-1", "site limit ev-1");
        Allocation limited = new Allocation(2000, limit, 0, List.of(new Grant("c-01", 150, 150, 150, true, ""),
                new Grant("c-02", 100, 100, 100, true, "")));
        Allocation sameBudgets = new Allocation(2000, limit, 0, List.of(new Grant("c-01", 250, 250, 250, true, ""),
                new Grant("c-02", 200, 200, 200, true, "")));
        assertTrue(issuer.due(sameBudgets, 2000), "a fallback share that falls is due at once, like a budget");
        assertTrue(issuer.issue(limited, 2000, () -> true));
        List<SiteLease> sent = publisher.leases();
        assertEquals(150, sent.get(2).fallbackKw(), 1e-9);
        assertEquals(100, sent.get(3).fallbackKw(), 1e-9);
        assertEquals(150, sent.get(2).budgetKw(), 1e-9);
    }
}
