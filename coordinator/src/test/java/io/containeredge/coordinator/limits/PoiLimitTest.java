package io.containeredge.coordinator.limits;

import static io.containeredge.coordinator.limits.SiteLimitsTest.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.coordinator.TestSites;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorConfig.Container;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoiLimitTest {

    private static final long T = 1_800_000_000_000L;
    private static final long HOUR = 3_600_000;
    /** 10 MW less 200 kW of auxiliaries; the shares sum to 6 000 kW. */
    private static final CoordinatorConfig SITE = TestSites.site(10_000, 200, List.of(new Container("a", 4000),
            new Container("b", 2000)));

    @Test
    void withoutALimitTheCapApplies() {
        PoiLimit p = PoiLimit.at(SITE, SiteLimits.NONE, null, T);
        assertEquals(PoiLimit.cap(SITE), p);
        assertEquals(9800, p.availableKw());
        assertEquals(1, p.fallbackScale());
        assertNull(p.limitId());
    }

    @Test
    void aLimitInForceLowersTheImportAndScalesTheSharesUnderIt() {
        SiteLimits limits = new SiteLimits(List.of(limit("ev-1", 3200, T, T + HOUR)));
        PoiLimit p = PoiLimit.at(SITE, limits, null, T);
        assertEquals(3200, p.importCapKw());
        assertEquals(3000, p.availableKw(), "the auxiliaries come off the limit as off the cap");
        assertEquals(0.5, p.fallbackScale(), 1e-12, "6 000 kW of shares scaled to the 3 000 kW left");
        assertEquals("ev-1", p.limitId());
        assertTrue(p.reason().startsWith("site limit ev-1: POI import 3200 kW until 2027-01-15 09:00 UTC"
                + " (utility order; set by cli:ops)"), p.reason());
        assertEquals(PoiLimit.cap(SITE), PoiLimit.at(SITE, limits, null, T + HOUR), "over at its until");
    }

    @Test
    void aLimitNeverRaisesTheCap() {
        SiteLimits above = new SiteLimits(List.of(limit("loose", 12_000, T, T + HOUR)));
        assertEquals(PoiLimit.cap(SITE), PoiLimit.at(SITE, above, null, T));
    }

    @Test
    void aLimitBelowTheAuxiliariesLeavesTheContainersNothing() {
        PoiLimit p = PoiLimit.at(SITE, new SiteLimits(List.of(limit("dark", 100, T, T + HOUR))), null, T);
        assertEquals(0, p.availableKw());
        assertEquals(0, p.fallbackScale());
    }

    @Test
    void limitsThatCannotBeReadHoldTheSiteToItsFallbackShares() {
        PoiLimit p = PoiLimit.at(SITE, SiteLimits.NONE, "not JSON", T);
        assertEquals(6000, p.availableKw(), "what the site draws with no coordinator at all");
        assertEquals(6200, p.importCapKw());
        assertEquals(1, p.fallbackScale());
        assertTrue(p.reason().startsWith("site limits unknown (not JSON): held to the fallback shares"), p.reason());
    }
}
