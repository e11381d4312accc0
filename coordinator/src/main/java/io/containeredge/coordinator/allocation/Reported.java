package io.containeredge.coordinator.allocation;

import io.containeredge.site.api.SiteReport;

/**
 * A container's latest report and when this coordinator received it: freshness is judged on the coordinator's own
 * clock, so a gateway's clock running ahead or behind cannot keep a silent container counted as fresh.
 */
public record Reported(SiteReport report, long receivedAtMillis) {
}
