package io.containeredge.coordinator.allocation;

import static io.containeredge.coordinator.TestSites.offer;
import static io.containeredge.coordinator.TestSites.report;
import static io.containeredge.coordinator.TestSites.site;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.coordinator.limits.PoiLimit;
import io.containeredge.coordinator.limits.SiteLimit;
import io.containeredge.coordinator.limits.SiteLimits;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorConfig.Container;
import io.containeredge.site.api.SiteReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    private static final long NOW = 1_796_000_000_000L;
    private static final CoordinatorConfig THREE = site(1100, 100, List.of(new Container("a", 300),
            new Container("b", 300), new Container("c", 300)));

    private static Reported fresh(SiteReport r) {
        return new Reported(r, NOW - 1000);
    }

    private static Grant grant(Allocation allocation, String id) {
        return allocation.grants().stream().filter(g -> g.container().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void flexibleLoadGoesByValueAcrossContainers() {
        Map<String, Reported> reports = Map.of(
                "a", fresh(report("a", NOW, 0, 5000, 60, 40, List.of(offer(300, 0.05), offer(300, 0.02)), 300)),
                "b", fresh(report("b", NOW, 0, 5000, 0, 100, List.of(offer(400, 0.04)), 300)),
                "c", fresh(report("c", NOW, 0, 5000, 0, 0, List.of(), 300)));
        Allocation a = allocate(THREE, reports, new Grants(Map.of(), 0), NOW);
        assertEquals(500, grant(a, "a").targetKw(), 1e-9);
        assertEquals(500, grant(a, "b").targetKw(), 1e-9);
        assertEquals(0, grant(a, "c").targetKw(), 1e-9);
        // a new leader starts from the shares; 200 kW of ramp in a period is enough here
        assertEquals(500, grant(a, "a").kw(), 1e-9);
        assertEquals("firm 100 kW + 400 kW of offers at >= 0.020 USD/h per kW; the site's cap is shared out",
                grant(a, "a").reason());
    }

    @Test
    void theMarginIsNeverAllocated() {
        CoordinatorConfig withMargin = new CoordinatorConfig(THREE.site(), new CoordinatorConfig.Poi(1100, 100, 50),
                THREE.containers(), THREE.leases(), THREE.allocation(), THREE.reports(), THREE.zookeeper(),
                THREE.mqtt(), THREE.signing(), THREE.dashboard(), THREE.requests());
        Map<String, Reported> reports = Map.of(
                "a", fresh(report("a", NOW, 0, 5000, 0, 0, List.of(offer(600, 0.05)), 300)),
                "b", fresh(report("b", NOW, 0, 5000, 0, 0, List.of(offer(600, 0.04)), 300)),
                "c", fresh(report("c", NOW, 0, 5000, 0, 0, List.of(), 300)));
        Allocation a = allocate(withMargin, reports, new Grants(Map.of(), 0), NOW);
        assertEquals(600, grant(a, "a").targetKw(), 1e-9);
        assertEquals(350, grant(a, "b").targetKw(), 1e-9, "1100 less 100 of auxiliaries less the margin of 50");
    }

    @Test
    void noContainerGetsMoreThanItsOwnHardLimitAndTheRestGoesToOthers() {
        Map<String, Reported> reports = Map.of(
                "a", fresh(report("a", NOW, 0, 250, 0, 100, List.of(offer(500, 0.09)), 300)),
                "b", fresh(report("b", NOW, 0, 5000, 0, 0, List.of(offer(900, 0.01)), 300)),
                "c", fresh(report("c", NOW, 0, 5000, 0, 0, List.of(), 300)));
        Allocation a = allocate(THREE, reports, new Grants(Map.of(), 0), NOW);
        assertEquals(250, grant(a, "a").targetKw(), 1e-9);
        assertEquals(750, grant(a, "b").targetKw(), 1e-9);
        assertTrue(grant(a, "a").reason().startsWith("firm 100 kW + 150 kW of offers at >= 0.090 USD/h per kW;"
                + " capped by its hard limit 250 kW"), grant(a, "a").reason());
    }

    @Test
    void decreasesApplyAtOnceAndIncreasesWaitForTheImportToFollow() {
        Map<String, Reported> reports = Map.of(
                "a", fresh(report("a", NOW, 200, 5000, 0, 0, List.of(offer(800, 0.05)), 300)),
                "b", fresh(report("b", NOW, 790, 5000, 0, 0, List.of(offer(800, 0.01)), 300)),
                "c", fresh(report("c", NOW, 0, 5000, 0, 0, List.of(), 300)));
        Grants current = new Grants(Map.of("a", 200.0, "b", 800.0, "c", 0.0), NOW - 2000);
        Allocation a = allocate(THREE, reports, current, NOW);
        assertEquals(800, grant(a, "a").targetKw(), 1e-9);
        assertEquals(200, grant(a, "b").kw(), 1e-9, "a decrease applies at once");
        // b still imports 790 kW: 1000 - 200 - 790 leaves 10 kW for a to rise by
        assertEquals(210, grant(a, "a").kw(), 1e-9);
        assertTrue(grant(a, "a").reason().endsWith("rising from 200 kW to 800 kW, waiting for headroom (others still"
                + " import above their new budgets)"), grant(a, "a").reason());
        assertTrue(grant(a, "b").reason().endsWith("lowered from 800 kW"), grant(a, "b").reason());
    }

    @Test
    void increasesAreRampLimitedOverTheElapsedTime() {
        Map<String, Reported> reports = Map.of("a", fresh(report("a", NOW, 100, 5000, 0, 0,
                List.of(offer(900, 0.05)), 300)));
        Allocation a = allocate(THREE, reports, new Grants(Map.of("a", 100.0, "b", 0.0, "c", 0.0),
                NOW - 1500), NOW);
        // b and c have no report: counted at their shares, 300 kW each
        assertEquals(400, grant(a, "a").targetKw(), 1e-9);
        assertEquals(250, grant(a, "a").kw(), 1e-9);
    }

    @Test
    void aStaleContainerKeepsItsBudgetAndIsCountedAtItsShareAtLeast() {
        Map<String, Reported> reports = Map.of(
                "a", new Reported(report("a", NOW - 20_000, 100, 5000, 0, 0, List.of(), 300), NOW - 7000),
                "b", fresh(report("b", NOW, 0, 5000, 0, 0, List.of(offer(2000, 0.05)), 300)));
        Allocation a = allocate(THREE, reports, new Grants(Map.of("a", 120.0, "b", 0.0, "c", 500.0),
                NOW - 2000), NOW);
        Grant stale = grant(a, "a");
        assertFalse(stale.fresh());
        assertEquals(120, stale.kw(), 1e-9);
        assertEquals(300, stale.countedKw(), 1e-9);
        assertEquals("no report for 7 s: kept at 120 kW, counted at 300 kW (its fallback share is 300 kW)",
                stale.reason());
        assertEquals(500, grant(a, "c").countedKw(), 1e-9);
        assertEquals(800, a.staleReserveKw(), 1e-9);
        assertEquals(200, grant(a, "b").targetKw(), 1e-9);
    }

    @Test
    void firmLoadsAboveTheCapAreScaledDownTogetherAndSaySo() {
        Map<String, Reported> reports = Map.of(
                "a", fresh(report("a", NOW, 0, 5000, 100, 900, List.of(offer(100, 0.5)), 300)),
                "b", fresh(report("b", NOW, 0, 5000, 0, 250, List.of(), 300)),
                "c", fresh(report("c", NOW, 0, 5000, 0, 0, List.of(), 300)));
        Allocation a = allocate(THREE, reports, new Grants(Map.of("a", 800.0, "b", 200.0, "c", 0.0),
                NOW - 2000), NOW);
        assertEquals(800, grant(a, "a").targetKw(), 1e-9);
        assertEquals(200, grant(a, "b").targetKw(), 1e-9);
        assertEquals("firm 800 kW (80 % of its 1000 kW: the firm loads together exceed the cap)",
                grant(a, "a").reason());
    }

    @Test
    void aSiteLimitInForceIsSplitLikeTheCap() {
        Map<String, Reported> reports = Map.of(
                "a", fresh(report("a", NOW, 0, 5000, 0, 100, List.of(offer(600, 0.05)), 300)),
                "b", fresh(report("b", NOW, 0, 5000, 0, 100, List.of(offer(600, 0.04)), 300)),
                "c", fresh(report("c", NOW, 0, 5000, 0, 0, List.of(offer(600, 0.03)), 300)));
        PoiLimit limit = PoiLimit.at(THREE, new SiteLimits(List.of(new SiteLimit("ev-1", 600, NOW - 1000,
                NOW + 60_000, "utility order", "cli:ops", NOW - 1000))), null, NOW);
        Allocation a = Allocator.allocate(THREE, limit, reports, new Grants(Map.of("a", 700.0, "b", 200.0, "c",
                100.0), NOW - 2000), NOW);
        assertEquals(500, a.availableKw(), 1e-9, "the 600 kW limit less the 100 kW of auxiliaries");
        assertEquals(500, a.totalKw(), 1e-9);
        assertEquals(400, grant(a, "a").kw(), 1e-9, "firm first, then the most valuable offer");
        assertEquals(100, grant(a, "b").kw(), 1e-9, "its firm load only");
        assertEquals(0, grant(a, "c").kw(), 1e-9);
    }

    /** Under the configured cap, no site limit. */
    private static Allocation allocate(CoordinatorConfig config, Map<String, Reported> reports, Grants current,
            long now) {
        return Allocator.allocate(config, PoiLimit.cap(config), reports, current, now);
    }
}
