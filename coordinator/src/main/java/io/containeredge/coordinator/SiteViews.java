package io.containeredge.coordinator;

import io.containeredge.coordinator.allocation.Allocation;
import io.containeredge.coordinator.allocation.Grant;
import io.containeredge.coordinator.allocation.Reported;
import io.containeredge.coordinator.limits.PoiLimit;
import io.containeredge.coordinator.limits.SiteLimit;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds {@link SiteView}s from what a coordinator instance holds, and the one-line summary of its log. */
final class SiteViews {

    private SiteViews() {
    }

    /**
     * @param allocation the last allocation (null when this instance never allocated)
     * @param issued the leases this instance last sent, empty when it is not active
     * @param limit what the site may import now; @param siteLimits the site limits in force or to come
     */
    static SiteView of(CoordinatorConfig config, long now, String instanceId, boolean active, String leaderId,
            long epoch, List<String> participants, Map<String, Reported> reports, Allocation allocation,
            Map<String, SiteLease> issued, PoiLimit limit, List<SiteLimit> siteLimits) {
        List<SiteView.ContainerRow> rows = new ArrayList<>();
        double importKw = 0;
        boolean anyImport = false;
        for (CoordinatorConfig.Container c : config.containers()) {
            Reported reported = reports.get(c.id());
            SiteReport r = reported == null ? null : reported.report();
            long age = reported == null ? -1 : now - reported.receivedAtMillis();
            boolean fresh = reported != null && reported.freshAt(now, config.reports().staleAfter());
            if (fresh && !Double.isNaN(r.importKw())) {
                importKw += r.importKw();
                anyImport = true;
            }
            SiteLease lease = issued.get(c.id());
            Grant grant = allocation == null || !active ? null : allocation.grants().stream()
                    .filter(g -> g.container().equals(c.id())).findFirst().orElse(null);
            double budget = lease != null ? lease.budgetKw()
                    : r != null && r.lease() != null ? r.lease().budgetKw() : Double.NaN;
            long expires = lease != null ? lease.expiresAtMillis()
                    : r != null && r.lease() != null ? r.lease().expiresAtMillis() : 0;
            rows.add(new SiteView.ContainerRow(c.id(), c.fallbackShareKw(), budget, expires, age,
                    state(reported == null, fresh, r), r == null ? Double.NaN : r.importKw(),
                    r == null ? Double.NaN : r.committedKw(),
                    r == null ? Double.NaN : r.hardImportKw(),
                    r == null ? Double.NaN : Math.max(0, r.otherKw()) + r.firmKw(),
                    r == null ? Double.NaN : r.offers().stream().mapToDouble(SiteReport.Offer::kw).sum(),
                    r == null || r.offers().isEmpty() ? Double.NaN : r.offers().get(0).valuePerKw(),
                    grant != null ? grant.reason() : active ? "" : "as the container reports it (standing by)"));
        }
        return new SiteView(config.site(), now, instanceId, active, leaderId, epoch, participants,
                config.poi().capKw(), limit, siteLimits, config.poi().auxiliariesKw(),
                anyImport ? importKw : Double.NaN, rows);
    }

    private static String state(boolean never, boolean fresh, SiteReport r) {
        if (never) {
            return "UNKNOWN";
        }
        if (!fresh) {
            return "STALE";
        }
        return r.lease() != null && "FALLBACK".equals(r.lease().state()) ? "FALLBACK" : "LEASED";
    }

    /** One line for the log: who leads, the import against the cap, how the containers stand. */
    static String summary(SiteView v) {
        Map<String, Long> byState = new TreeMap<>();
        double budgets = 0;
        for (SiteView.ContainerRow row : v.containers()) {
            byState.merge(row.state(), 1L, Long::sum);
            if (!Double.isNaN(row.budgetKw())) {
                budgets += row.budgetKw();
            }
        }
        return String.format(Locale.ROOT, "site %s: %s active under epoch %d; containers import %s of %.0f kW"
                + " (%s less auxiliaries and margin); budgets %.0f kW; containers %s; instances %s", v.site(),
                v.instanceId(), v.epoch(), Double.isNaN(v.importKw()) ? "unknown"
                        : String.format(Locale.ROOT, "%.0f kW", v.importKw()),
                v.limit().availableKw(), v.limit().reason(), budgets, byState, v.participants());
    }
}
