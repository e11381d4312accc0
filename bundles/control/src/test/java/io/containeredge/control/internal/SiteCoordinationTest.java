package io.containeredge.control.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.GridSettings;
import io.containeredge.site.api.Limits;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteLeaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller's site coordination: only for a site with siteLease, its epoch kept in the data directory. */
class SiteCoordinationTest {

    private static final Limits LIMITS = new Limits(40, 45, 15, 0, 2500, 2200, 110, 140);

    @TempDir
    Path data;

    private static SiteConfig site(Optional<SiteLeaseSettings> lease) {
        return new SiteConfig("site-a", "c-01", "", List.of(), List.of(), null, LIMITS, null, null, null,
                Optional.empty(), Optional.empty(), Optional.empty(), GridSettings.NONE, lease);
    }

    @Test
    void aSiteWithoutSiteLeaseHasNone() {
        assertTrue(SiteCoordination.forSite(site(Optional.empty()), data, 0).isEmpty());
    }

    @Test
    void aLeaseIsTakenForThisContainerAndItsEpochKeptInTheDataDirectory() {
        SiteCoordination c = SiteCoordination.forSite(site(Optional.of(new SiteLeaseSettings(900,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5)))), data, 0).orElseThrow();
        long now = System.currentTimeMillis();
        assertEquals("LEASED", c.accept(new SiteLease("site-a", "c-01", 4, 1, 1200, 900, now, now + 30_000), "test")
                .state());
        assertThrows(IllegalArgumentException.class, () -> c.accept(new SiteLease("site-a", "c-02", 4, 2, 1200, 900,
                now, now + 30_000), "test"));
        assertFalse(c.status(null).binding(), "no cycle yet");
        assertEquals(1200, c.status(null).limitKw());
        assertTrue(Files.exists(data.resolve("site-lease.json")));
    }
}
