package io.containeredge.coordinator.allocation;

import io.containeredge.site.api.SiteReport;
import java.time.Duration;

/**
 * A container's latest report and when this coordinator received it: freshness is judged on the coordinator's own
 * clock, so a gateway's clock running ahead or behind cannot keep a silent container counted as fresh.
 */
public record Reported(SiteReport report, long receivedAtMillis) {

    /** Whether it arrived within {@code staleAfter} of {@code nowMillis}. */
    public boolean freshAt(long nowMillis, Duration staleAfter) {
        return nowMillis - receivedAtMillis <= staleAfter.toMillis();
    }
}
