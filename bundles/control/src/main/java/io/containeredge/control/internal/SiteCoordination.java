package io.containeredge.control.internal;

import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.SiteLeaseStatus;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.site.LeaseBook;
import io.containeredge.control.site.SiteLeaseLimit;
import io.containeredge.control.site.SiteReports;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteReport;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container's part in site coordination wired to the loop, for a site with {@code siteLease}: the leases the
 * cloud bundle hands in, their limit among the soft sources, and the report the cloud bundle publishes.
 */
final class SiteCoordination {

    private static final Logger LOG = LoggerFactory.getLogger(SiteCoordination.class);

    private final LeaseBook book;
    private final SiteLeaseLimit limit;
    private final SiteReports reports;
    private final boolean hasBattery;
    private final double firmKw;

    private SiteCoordination(SiteConfig s, Path data, double firmKw) {
        book = new LeaseBook(s.site(), s.container(), s.siteLease().orElseThrow(), data.resolve("site-lease.json"));
        limit = new SiteLeaseLimit(book);
        reports = new SiteReports(s.site(), s.container(), s.limits().importCapKw(), book);
        hasBattery = s.battery().isPresent();
        this.firmKw = firmKw;
    }

    /** @param firmKw the firm load kinds' floors (the AI tenants'), reported as the container's firm load */
    static Optional<SiteCoordination> forSite(SiteConfig s, Path data, double firmKw) {
        return s.siteLease().map(settings -> new SiteCoordination(s, data, firmKw));
    }

    LimitSources limits() {
        return LimitSources.of(limit);
    }

    SiteLeaseStatus accept(SiteLease lease, String source) {
        SiteLeaseStatus status = book.accept(lease, source, System.currentTimeMillis());
        LOG.debug("site lease {}/{} from {}: budget {} kW", lease.epoch(), lease.seq(), source, lease.budgetKw());
        return status;
    }

    /** Empty before the loop's first decision. */
    Optional<SiteReport> report(ControlLoop loop) {
        ControlStatus now = loop.status();
        SiteLeaseLimit.Seen seen = limit.seen();
        if (now == null || seen == null) {
            return Optional.empty();
        }
        return Optional.of(reports.report(now.timestampMillis(), seen.power(), seen.otherKw(), loop.committedLoadKw(),
                now.verdicts(), firmKw, loop.offers(), hasBattery));
    }

    SiteLeaseStatus status(ControlStatus now) {
        return book.status(System.currentTimeMillis(), now != null && SiteLeaseLimit.GUARD.equals(now.bindingGuard()));
    }
}
