package io.containeredge.control.internal;

import io.containeredge.control.api.AiStatus;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.economics.EconomicLimit;
import io.containeredge.control.load.LoadKinds;
import io.containeredge.control.rack.AiTenants;
import io.containeredge.control.rack.ContractFile;
import io.containeredge.control.rack.GpuServers;
import io.containeredge.control.rack.UnreachableServers;
import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.SiteConfig;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AI tenants of a site with an {@code ai} section, wired to the loop: their load kinds beside the miners, the
 * energy price economics decides on (a band is capped for a price above its value), the contract counts saved on the
 * poll thread, and floor-safe caps on a clean stop.
 */
final class SiteAi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteAi.class);
    private static final long SAVE_SECONDS = 10;
    /** A clean stop waits this long per tenant for its servers to confirm their floor-safe caps. */
    private static final long STOP_MILLIS = 1_000;

    private final AiTenants tenants;

    private SiteAi(AiTenants tenants) {
        this.tenants = tenants;
    }

    /**
     * Empty without an {@code ai} section.
     *
     * @param connect the site's GPU servers, polled from now on
     */
    static Optional<SiteAi> forSite(SiteConfig s, Path data, Optional<EconomicLimit> economics,
            Function<AiSettings, GpuServers> connect) {
        if (s.ai().isEmpty()) {
            return Optional.empty();
        }
        AiSettings ai = s.ai().get();
        LongToDoubleFunction price = economics.<LongToDoubleFunction>map(e -> wall -> e.inputs().decisionPrice(wall)
                .usdPerMwh()).orElse(wall -> Double.NaN);
        ZoneId zone = economics.map(e -> e.inputs().tariff().settings().zone()).orElse(ZoneOffset.UTC);
        AiTenants tenants = new AiTenants(ai, servers(ai, connect), new ContractFile(data.resolve("ai-contracts.json")),
                price, zone, System.currentTimeMillis());
        LOG.info("ai: {} tenant(s), {} GPU servers read every {} ms, {} kW contracted", ai.tenants().size(),
                ai.servers().size(), ai.poll().toMillis(), Math.round(ai.contractedKw()));
        return Optional.of(new SiteAi(tenants));
    }

    /** The servers, or all of them unreachable (counted at their ratings, alarmed) when they cannot be set up. */
    private static GpuServers servers(AiSettings ai, Function<AiSettings, GpuServers> connect) {
        try {
            return connect.apply(ai);
        } catch (IllegalArgumentException e) {
            LOG.error("ai: the GPU servers cannot be reached, each counts at its rating: {}", e.getMessage());
            return new UnreachableServers(ai, e.getMessage());
        }
    }

    LoadKinds loads() {
        return tenants.loads();
    }

    Optional<AiStatus> status(ControlStatus now) {
        return tenants.status(now);
    }

    /** Saves the contract counts on {@code thread} every few seconds. */
    void start(ScheduledExecutorService thread) {
        thread.scheduleWithFixedDelay(tenants::saveCounts, SAVE_SECONDS, SAVE_SECONDS, TimeUnit.SECONDS);
    }

    /** After the last cycle: floor-safe caps, counts saved, connections closed. */
    @Override
    public void close() {
        tenants.stop(STOP_MILLIS);
    }
}
