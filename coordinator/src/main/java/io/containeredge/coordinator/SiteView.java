package io.containeredge.coordinator;

import io.containeredge.coordinator.limits.PoiLimit;
import io.containeredge.coordinator.limits.SiteLimit;
import java.util.List;

/**
 * What one coordinator instance knows of the site, as of one moment: for the dashboard, the log and the tests. Built
 * by the running coordinator from its configuration, its election state and the containers' reports.
 *
 * @param instanceId this instance's id ({@code --id})
 * @param active whether this instance is the active coordinator (holds leadership and issues leases)
 * @param leaderId the active instance's id as the election sees it, null when there is none
 * @param epoch the leader epoch this instance issues leases under (0 when not active)
 * @param participants every instance in the election, the leader first
 * @param poiCapKw the point of interconnection's configured import cap
 * @param limit what the site may import now and what the containers get together: the cap, or a site limit under it
 * @param siteLimits the site limits in force or still to come, as this instance last read them
 * @param auxiliariesKw the site's own load taken off the cap before containers (lighting, offices, substation)
 * @param importKw the containers' reported import summed (the POI's import less the auxiliaries), NaN when unknown
 * @param containers one row per configured container
 */
public record SiteView(String site, long timestampMillis, String instanceId, boolean active, String leaderId,
        long epoch, List<String> participants, double poiCapKw, PoiLimit limit, List<SiteLimit> siteLimits,
        double auxiliariesKw, double importKw, List<ContainerRow> containers) {

    public SiteView {
        participants = List.copyOf(participants);
        siteLimits = List.copyOf(siteLimits);
        containers = List.copyOf(containers);
    }

    /**
     * One container as the coordinator sees it.
     *
     * @param budgetKw the budget of its latest lease (NaN when none was issued)
     * @param leaseExpiresAtMillis when that lease ends (0 when none)
     * @param reportAgeMillis how old its latest report is (-1 when none came)
     * @param state {@code LEASED} (fresh report, lease running), {@code STALE} (no fresh report: counted at the higher of
     *     its budget and its fallback share), {@code FALLBACK} (it reports holding its fallback share), {@code UNKNOWN}
     *     (never reported)
     * @param hardImportKw its own hard limit on import, from its report (NaN when unknown)
     * @param firmKw its other load plus its firm floors
     * @param flexibleKw its flexible load offered above the floors
     * @param committedKw what its controller has committed its import to, NaN when it does not say
     * @param topValuePerKw the value of its most valuable flexible block (USD/h per kW), NaN when it offers none
     * @param reason why its budget is what it is ("firm 180 kW + 620 kW at ≥ 0.041 USD/h/kW; capped by its hard
     *     limit")
     */
    public record ContainerRow(String id, double fallbackKw, double budgetKw, long leaseExpiresAtMillis,
            long reportAgeMillis, String state, double importKw, double committedKw, double hardImportKw,
            double firmKw, double flexibleKw, double topValuePerKw, String reason) {
    }
}
