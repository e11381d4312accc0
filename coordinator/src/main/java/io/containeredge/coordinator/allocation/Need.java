package io.containeredge.coordinator.allocation;

import io.containeredge.site.api.CoordinatorConfig.Container;
import io.containeredge.site.api.SiteReport;
import java.util.Locale;

/** One container's part in one allocation, worked out step by step by {@link Allocator}. */
final class Need {

    final Container container;
    /** Its fresh report; null when it has none (stale or never reported). */
    final SiteReport report;
    /** The budget in force. */
    final double grant;
    final long reportAgeMillis;

    double target;
    double next;
    double firmScale = 1;
    double offersKw;
    double lowestValue = Double.NaN;
    boolean cappedByHardLimit;
    boolean cappedBySite;
    boolean rampLimited;
    boolean headroomLimited;

    Need(Container container, SiteReport freshReport, double grant, long reportAgeMillis) {
        this.container = container;
        this.report = freshReport;
        this.grant = grant;
        this.reportAgeMillis = reportAgeMillis;
    }

    boolean fresh() {
        return report != null;
    }

    /** Its other load and firm floors, never above its hard limit. */
    double firmNeedKw() {
        return Math.min(Math.max(0, report.otherKw()) + report.firmKw(), report.hardImportKw());
    }

    /** A container that may be on its fallback share counts at least at it. */
    double counted(double budgetKw) {
        return Math.max(budgetKw, container.fallbackShareKw());
    }

    /** A fresh container counts at its budget, or at its import while it still draws more; unknown import: its share. */
    double countedAfterDecrease() {
        double imported = report.importKw();
        return Double.isNaN(imported) ? counted(next) : Math.max(next, imported);
    }

    Grant toGrant(double rampKwPerSecond) {
        if (!fresh()) {
            String age = reportAgeMillis < 0 ? "no report yet" : "no report for " + reportAgeMillis / 1000 + " s";
            return new Grant(container.id(), grant, grant, counted(grant), false, age + ": kept at " + kw(grant)
                    + ", counted at " + kw(counted(grant)) + " (its fallback share is "
                    + kw(container.fallbackShareKw()) + ")");
        }
        return new Grant(container.id(), next, target, countedAfterDecrease(), true, reason(rampKwPerSecond));
    }

    private String reason(double rampKwPerSecond) {
        StringBuilder why = new StringBuilder("firm " + kw(target - offersKw));
        if (firmScale < 1) {
            why.append(String.format(Locale.ROOT, " (%.0f %% of its %s: the firm loads together exceed the cap)",
                    firmScale * 100, kw(firmNeedKw())));
        }
        if (offersKw > 0) {
            why.append(" + ").append(kw(offersKw)).append(" of offers at >= ")
                    .append(String.format(Locale.ROOT, "%.3f", lowestValue)).append(" USD/h per kW");
        }
        if (cappedByHardLimit) {
            why.append("; capped by its hard limit ").append(kw(report.hardImportKw()));
        } else if (cappedBySite && firmScale == 1) {
            why.append("; the site's cap is shared out");
        }
        if (next < grant - 1e-9) {
            why.append("; lowered from ").append(kw(grant));
        } else if (next < target - 1e-9) {
            why.append("; rising from ").append(kw(grant)).append(" to ").append(kw(target));
            if (rampLimited) {
                why.append(" at ").append(kw(rampKwPerSecond)).append("/s");
            }
            if (headroomLimited) {
                why.append(", waiting for headroom (others still import above their new budgets)");
            }
        }
        return why.toString();
    }

    static String kw(double v) {
        return String.format(Locale.ROOT, Math.abs(v - Math.rint(v)) < 0.05 ? "%.0f kW" : "%.1f kW", v);
    }
}
