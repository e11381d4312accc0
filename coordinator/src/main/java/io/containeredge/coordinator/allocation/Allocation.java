package io.containeredge.coordinator.allocation;

import io.containeredge.coordinator.limits.PoiLimit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of one allocation: every configured container's grant, in the configuration's order.
 *
 * @param limit what the containers were allocated under: the POI cap or a site limit, less the auxiliaries and margin
 * @param staleReserveKw what the containers without a fresh report are counted at together
 */
public record Allocation(long atMillis, PoiLimit limit, double staleReserveKw, List<Grant> grants) {

    public Allocation {
        grants = List.copyOf(grants);
    }

    /** The budgets as the next allocation starts from. */
    public Grants asGrants() {
        Map<String, Double> kw = grants.stream().collect(Collectors.toMap(Grant::container, Grant::kw));
        return new Grants(kw, atMillis);
    }

    public double availableKw() {
        return limit.availableKw();
    }

    public double totalKw() {
        return grants.stream().mapToDouble(Grant::kw).sum();
    }
}
