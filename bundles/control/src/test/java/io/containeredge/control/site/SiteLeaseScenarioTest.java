package io.containeredge.control.site;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.batteryOffersNoPower;
import static io.containeredge.control.scenario.Events.importCapOverride;
import static io.containeredge.control.scenario.Expectations.alarmActive;
import static io.containeredge.control.scenario.Expectations.allMinersAwake;
import static io.containeredge.control.scenario.Expectations.bindingGuard;
import static io.containeredge.control.scenario.Expectations.bindingIs;
import static io.containeredge.control.scenario.Expectations.importKw;
import static io.containeredge.control.scenario.Expectations.limitedBySays;
import static io.containeredge.control.scenario.Expectations.noAlarm;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.scenario.Event;
import io.containeredge.control.scenario.Expectation;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteLeaseSettings;
import io.containeredge.site.api.SiteReport;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site leases over the real control loop on the virtual clock: the demo container (40 miners of 3.5 kW, 25 kW of
 * auxiliaries, 165 kW import at full load; its battery offers no power), leases taken by the book as the cloud bundle
 * hands them in. Fallback share 120 kW, riseDelay 10 s; every lease runs 30 s from when it is given.
 */
class SiteLeaseScenarioTest {

    private static final double AUX_KW = 25;
    private static final SiteLeaseSettings SETTINGS = new SiteLeaseSettings(120, Duration.ofSeconds(2),
            Duration.ofSeconds(10), Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private LeaseBook book;

    private SiteLeaseLimit limit() {
        book = new LeaseBook("site-a", "c-01", SETTINGS, dir.resolve("site-lease.json"));
        return new SiteLeaseLimit(book);
    }

    /** A lease of epoch/seq for {@code budgetKw}, issued now for 30 s, handed to the book. */
    private Event lease(long epoch, long seq, double budgetKw) {
        return sc -> book.accept(lease("c-01", epoch, seq, budgetKw, sc.wall()), "test", sc.wall());
    }

    private static SiteLease lease(String container, long epoch, long seq, double budgetKw, long wall) {
        return new SiteLease("site-a", container, epoch, seq, budgetKw, 400, wall, wall + 30_000);
    }

    private Expectation refused(SiteLease l, String reason) {
        return sc -> assertTrue(assertThrows(IllegalArgumentException.class, () -> book.accept(l, "test", sc.wall()))
                .getMessage().contains(reason), book.status(sc.wall(), false).lastRefusal());
    }

    /** The controllable loads' limit: the import less the auxiliaries and the sleeping miners' few watts. */
    private static Expectation loadLimitKw(double kw) {
        return sc -> assertEquals(kw, sc.status().maxMinerKw(), 1, "load limit");
    }

    private Expectation state(String state) {
        return sc -> assertEquals(state, book.state(sc.wall()));
    }

    @Test
    void aLeaseLowersTheMinersToItsBudget() {
        given(container().with(limit())).when(batteryOffersNoPower())
                .at(5, s).when(lease(1, 1, 100))
                .at(15, s)
                .then(state(LeaseBook.LEASED), bindingGuard(SiteLeaseLimit.GUARD), loadLimitKw(100 - AUX_KW),
                        importKw(100, 3.5), noAlarm(SiteLeaseLimit.FALLBACK_ALARM),
                        // the binding line is what the decision records carry
                        bindingIs("site-lease: lease 1/1 from test: budget 100 kW (other load 25 kW)"),
                        limitedBySays("budget 100 kW (other load 25 kW) until "));
    }

    @Test
    void aLowerBudgetIsCommittedAtTheNextCycleAndTheImportFollows() {
        SiteLeaseLimit limit = limit();
        Scenario sc = given(container().with(limit)).when(batteryOffersNoPower())
                .when(lease(1, 1, 170))
                .at(5, s)
                .then(importKw(165, 3.5))
                .when(lease(1, 2, 100))
                .cycle()
                .then(c -> assertTrue(report(c, limit).committedKw() <= 100 + 1e-9, "committed "
                        + report(c, limit).committedKw() + " kW one cycle after a lease of 100 kW"));
        sc.runFor(15, s)
                .then(importKw(100, 3.5), c -> assertEquals(100, report(c, limit).committedKw(), 3.5));
    }

    @Test
    void minersOnTheirWayToSleepAreNotOtherLoadSoALowerBudgetSleepsNoMoreThanItNeeds() {
        SiteLeaseLimit limit = limit();
        // (165 - 100) kW off 40 miners of 3.5 kW: 19 asleep, 21 awake; each takes 6 s to get there
        Scenario sc = given(container().minersGoToSleepOver(6).with(limit)).when(batteryOffersNoPower())
                .when(lease(1, 1, 170))
                .at(5, s)
                .when(lease(1, 2, 100))
                .cycle()
                .then(c -> assertTrue(report(c, limit).committedKw() <= 100 + 1e-9, "committed at once"));
        for (int cycle = 0; cycle < 40; cycle++) {
            sc.cycle().then(c -> assertTrue(c.minersAwake() >= 20, c.minersAwake() + " miners awake at "
                    + (c.now() - Scenario.T0) + " ms: their fall counted as other load would sleep them all"));
        }
        sc.then(importKw(100, 3.5), c -> assertEquals(21, c.minersAwake()));
    }

    private SiteReport report(Scenario sc, SiteLeaseLimit limit) {
        return new SiteReports("site-a", "c-01", 2200, book).report(sc.wall(), limit.seen().power(),
                limit.seen().otherKw(), sc.loop().committedLoadKw(), sc.status().verdicts(), 0, sc.loop().offers(),
                false);
    }

    @Test
    void aHardLimitBelowTheBudgetWins() {
        given(container().with(limit())).when(batteryOffersNoPower())
                .when(lease(1, 1, 150), importCapOverride(90, Duration.ofMinutes(5), "ops"))
                .at(10, s)
                .then(bindingGuard("power"), importKw(90, 3.5), limitedBySays("site-lease"));
    }

    @Test
    void anExpiredLeaseFallsBackToTheShareWithinOneCycle() {
        Scenario sc = given(container().with(limit())).when(batteryOffersNoPower())
                .when(lease(1, 1, 170))
                .at(29.75, s)
                .then(state(LeaseBook.LEASED), allMinersAwake());
        sc.cycle().cycle()
                .then(state(LeaseBook.FALLBACK), loadLimitKw(120 - AUX_KW), bindingGuard(SiteLeaseLimit.GUARD),
                        limitedBySays("fallback share 120 kW"), alarmActive(SiteLeaseLimit.FALLBACK_ALARM))
                .runFor(10, s)
                .then(importKw(120, 3.5))
                .when(lease(1, 2, 150))
                .cycle()
                .then(state(LeaseBook.LEASED), noAlarm(SiteLeaseLimit.FALLBACK_ALARM));
    }

    @Test
    void aBudgetBelowTheShareHoldsForTheRiseDelayThenTheShare() {
        given(container().with(limit())).when(batteryOffersNoPower())
                .when(lease(1, 1, 60))
                .at(35, s)
                .then(state(LeaseBook.SETTLING), loadLimitKw(60 - AUX_KW), alarmActive(SiteLeaseLimit.FALLBACK_ALARM))
                .at(40.25, s)
                .then(state(LeaseBook.FALLBACK), loadLimitKw(120 - AUX_KW));
    }

    @Test
    void noLeaseSinceStartHoldsTheShareAndIsAlarmedAfterAMinute() {
        given(container().with(limit())).when(batteryOffersNoPower())
                .at(30, s)
                .then(state(LeaseBook.NONE), loadLimitKw(120 - AUX_KW), noAlarm(SiteLeaseLimit.FALLBACK_ALARM))
                .at(61, s)
                .then(alarmActive(SiteLeaseLimit.FALLBACK_ALARM));
    }

    @Test
    void staleEpochsReplaysAndOtherContainersLeasesAreRefused() {
        given(container().with(limit())).when(batteryOffersNoPower())
                .when(lease(3, 10, 100))
                .at(5, s)
                .then(sc -> refused(lease("c-01", 2, 11, 150, sc.wall()), "stale").check(sc),
                        sc -> refused(lease("c-01", 3, 10, 150, sc.wall()), "not newer").check(sc),
                        sc -> refused(lease("c-02", 3, 11, 150, sc.wall()), "this is site-a/c-01").check(sc))
                .at(10, s)
                .then(loadLimitKw(100 - AUX_KW), state(LeaseBook.LEASED));
    }

    @Test
    void theEpochIsKeptAcrossARestart() {
        given(container().with(limit())).when(batteryOffersNoPower())
                .when(lease(7, 1, 100))
                .at(5, s);
        LeaseBook restarted = new LeaseBook("site-a", "c-01", SETTINGS, dir.resolve("site-lease.json"));
        long wall = Scenario.T0 + 6_000;
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> restarted.accept(lease("c-01", 6, 50, 150, wall), "test", wall)).getMessage().contains("stale"));
        assertEquals(7, restarted.status(wall, false).epoch());
        assertEquals(LeaseBook.NONE, restarted.state(wall));
    }

    @Test
    void theReportCarriesTheImportTheOtherLoadTheMinersOfferAndTheLease() {
        SiteLeaseLimit limit = limit();
        given(container().with(limit)).when(batteryOffersNoPower())
                .when(lease(1, 1, 100), importCapOverride(150, Duration.ofMinutes(5), "ops"))
                .at(10, s)
                .then(sc -> {
                    SiteReport r = report(sc, limit);
                    assertEquals(100, r.importKw(), 3.5);
                    assertEquals(AUX_KW, r.otherKw(), 1);
                    assertEquals(150, r.hardImportKw(), 1, "the power guard's limit on the loads plus the other load");
                    assertEquals(1, r.offers().size(), "every miner at one value: one block");
                    assertEquals(140, r.offers().get(0).kw(), 1e-9);
                    assertEquals("LEASED", r.lease().state());
                    assertEquals(100, r.lease().budgetKw());
                    assertEquals(120, r.fallbackKw());
                });
    }
}
