package io.containeredge.coordinator.allocation;

import io.containeredge.coordinator.limits.PoiLimit;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorConfig.Container;
import io.containeredge.site.api.SiteReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Splits what the point of interconnection leaves after the site's auxiliaries into per-container budgets: a pure
 * function of the configuration, the import allowed now (the cap, or a site limit under it), the containers' latest
 * reports, the budgets in force and the time.
 *
 * <p>A container without a fresh report keeps its budget and is counted at the higher of it and its fallback share
 * (it may be on its share, or about to be). The fresh ones get their other load and firm floors first (scaled down
 * together when they alone exceed what is left), then the flexible offers of all of them by value, highest first,
 * none above its own hard limit: that is each one's target. Budgets fall to their targets at once; they rise at most
 * by the ramp over the time since the last allocation, and only out of the headroom the budgets and imports in force
 * leave, handed out by value, so a rise never counts on a fall that has not happened at the container yet.
 */
public final class Allocator {

    /** Firm load goes before any offer, whatever the offers' values. */
    private static final double FIRM_VALUE = Double.POSITIVE_INFINITY;

    private Allocator() {
    }

    /** A stretch of one container's target at one value: firm load, or an accepted part of an offer. */
    private record Segment(int container, double toKw, double value) {
    }

    /** @param limit what the site may import now: the POI cap or a site limit under it ({@link PoiLimit#at}) */
    public static Allocation allocate(CoordinatorConfig config, PoiLimit limit, Map<String, Reported> reports,
            Grants current, long nowMillis) {
        List<Container> containers = config.containers();
        int n = containers.size();
        double available = limit.availableKw();
        List<Need> needs = new ArrayList<>(n);
        double staleReserve = 0;
        for (Container c : containers) {
            Reported r = reports.get(c.id());
            boolean fresh = r != null && r.freshAt(nowMillis, config.reports().staleAfter());
            Need need = new Need(c, fresh ? r.report() : null, current.of(c.id(), c.fallbackShareKw()),
                    r == null ? -1 : nowMillis - r.receivedAtMillis());
            needs.add(need);
            if (!fresh) {
                staleReserve += need.counted(need.grant);
            }
        }
        double forFresh = Math.max(0, available - staleReserve);
        List<Segment> segments = targets(needs, forFresh);
        rise(needs, segments, available - staleReserve, rampKw(config, current, nowMillis));
        List<Grant> grants = new ArrayList<>(n);
        for (Need need : needs) {
            grants.add(need.toGrant(config.allocation().rampKwPerSecond()));
        }
        return new Allocation(nowMillis, limit, staleReserve, grants);
    }

    /** Sets every fresh container's target; gives each one's stretches at their values. */
    private static List<Segment> targets(List<Need> needs, double forFresh) {
        List<Segment> segments = new ArrayList<>();
        double firmTotal = 0;
        for (Need need : needs) {
            if (need.fresh()) {
                firmTotal += need.firmNeedKw();
            }
        }
        double scale = firmTotal > forFresh ? forFresh / firmTotal : 1;
        double left = forFresh;
        record Offered(int container, int rank, SiteReport.Offer offer) {
        }
        List<Offered> offers = new ArrayList<>();
        for (int i = 0; i < needs.size(); i++) {
            Need need = needs.get(i);
            if (!need.fresh()) {
                continue;
            }
            need.firmScale = scale;
            need.target = need.firmNeedKw() * scale;
            left -= need.target;
            segments.add(new Segment(i, need.target, FIRM_VALUE));
            List<SiteReport.Offer> own = need.report.offers();
            for (int k = 0; k < own.size(); k++) {
                offers.add(new Offered(i, k, own.get(k)));
            }
        }
        // ties go to the configuration's order, then each container's own order: the same inputs, the same split
        offers.sort(Comparator.comparingDouble((Offered o) -> -o.offer().valuePerKw())
                .thenComparingInt(Offered::container).thenComparingInt(Offered::rank));
        for (Offered o : offers) {
            Need need = needs.get(o.container());
            double room = need.report.hardImportKw() - need.target;
            double take = Math.min(o.offer().kw(), Math.min(room, Math.max(0, left)));
            if (o.offer().kw() > room) {
                need.cappedByHardLimit = true;
            } else if (o.offer().kw() > left) {
                need.cappedBySite = true;
            }
            if (take > 0) {
                need.target += take;
                need.offersKw += take;
                need.lowestValue = o.offer().valuePerKw();
                left -= take;
                segments.add(new Segment(o.container(), need.target, o.offer().valuePerKw()));
            }
        }
        return segments;
    }

    /** Lowers budgets to their targets, then raises them out of the headroom, most valuable stretches first. */
    private static void rise(List<Need> needs, List<Segment> segments, double forFresh, double rampKw) {
        double headroom = forFresh;
        for (Need need : needs) {
            if (need.fresh()) {
                need.next = Math.min(need.grant, need.target);
                headroom -= need.countedAfterDecrease();
            }
        }
        headroom = Math.max(0, headroom);
        double[] ramp = new double[needs.size()];
        Arrays.fill(ramp, rampKw);
        List<Segment> byValue = new ArrayList<>(segments);
        byValue.sort(Comparator.comparingDouble((Segment s) -> -s.value()).thenComparingInt(Segment::container)
                .thenComparingDouble(Segment::toKw));
        for (Segment s : byValue) {
            Need need = needs.get(s.container());
            double wanted = s.toKw() - need.next;
            if (wanted <= 0) {
                continue;
            }
            double take = Math.min(wanted, Math.min(ramp[s.container()], headroom));
            need.next += take;
            ramp[s.container()] -= take;
            headroom -= take;
        }
        for (int i = 0; i < needs.size(); i++) {
            Need need = needs.get(i);
            if (need.fresh() && need.next < need.target - 1e-9) {
                need.rampLimited = ramp[i] <= 1e-9;
                need.headroomLimited = !need.rampLimited;
            }
        }
    }

    /** How far one budget may rise in this allocation: the ramp over the time since the last (at most two periods). */
    private static double rampKw(CoordinatorConfig config, Grants current, long nowMillis) {
        long period = config.allocation().every().toMillis();
        long elapsed = current.atMillis() <= 0 ? period : Math.max(0, Math.min(nowMillis - current.atMillis(), 2 * period));
        return config.allocation().rampKwPerSecond() * elapsed / 1000.0;
    }
}
