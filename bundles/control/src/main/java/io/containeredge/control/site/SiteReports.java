package io.containeredge.control.site;

import io.containeredge.control.api.Reading;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.load.LoadBudget;
import io.containeredge.control.power.PowerInputs;
import io.containeredge.site.api.SiteReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds what the container reports to the site coordinator from one cycle: its import, what its hard limits allow,
 * its other load, its firm floors, its flexible demand by value, its lease and its battery.
 */
public final class SiteReports {

    /** The coordinator refuses longer lists; the lowest-valued blocks are folded into the last one kept. */
    static final int MAX_OFFERS = 1000;

    private final String site;
    private final String container;
    private final double importCapKw;
    private final LeaseBook book;

    /** @param importCapKw the container's own import cap: what it reports as its hard limit when nothing lower binds */
    public SiteReports(String site, String container, double importCapKw, LeaseBook book) {
        this.site = site;
        this.container = container;
        this.importCapKw = importCapKw;
        this.book = book;
    }

    /**
     * @param wallMillis the cycle's wall clock
     * @param power the cycle's power inputs (import, battery)
     * @param otherKw the cycle's other load ({@link io.containeredge.control.limit.OtherLoad})
     * @param committedLoadKw what the cycle's commands allowed the controllable loads (NaN: none yet)
     * @param verdicts the cycle's verdicts with their strengths: the hard ones make the hard limit
     * @param firmKw the load kinds' firm floors
     * @param offers the load kinds' blocks of flexible demand, in any order
     * @param hasBattery whether the site has a battery: reported only then, and only with good readings
     */
    public SiteReport report(long wallMillis, PowerInputs power, double otherKw, double committedLoadKw,
            List<Verdict> verdicts, double firmKw, List<LoadBudget.Offer> offers, boolean hasBattery) {
        Reading imported = power.importKw();
        return new SiteReport(site, container, wallMillis, imported.good() ? imported.value() : Double.NaN,
                otherKw + committedLoadKw, hardImportKw(verdicts, otherKw), otherKw, firmKw, merged(offers),
                book.fallbackKw(),
                book.reportState(wallMillis), hasBattery ? battery(power) : null);
    }

    /** What the hard verdicts allow the loads, plus the other load; never above the import cap. */
    double hardImportKw(List<Verdict> verdicts, double otherKw) {
        double hardLoadKw = verdicts.stream().filter(v -> v.strength() == Verdict.Strength.HARD)
                .mapToDouble(Verdict::maxMinerKw).min().orElse(Double.POSITIVE_INFINITY);
        return Math.max(0, Math.min(importCapKw, hardLoadKw + otherKw));
    }

    /** The blocks highest value first, those of one value as one block, at most {@link #MAX_OFFERS}. */
    static List<SiteReport.Offer> merged(List<LoadBudget.Offer> offers) {
        List<LoadBudget.Offer> byValue = new ArrayList<>(offers);
        byValue.sort(Comparator.comparingDouble(LoadBudget.Offer::valuePerKw).reversed());
        List<SiteReport.Offer> merged = new ArrayList<>();
        for (LoadBudget.Offer o : byValue) {
            if (o.kw() <= 0) {
                continue;
            }
            int last = merged.size() - 1;
            // beyond the limit, a lower value joins the last block at its own (lower) value: never overstated
            if (last >= 0 && (merged.get(last).valuePerKw() == o.valuePerKw() || merged.size() == MAX_OFFERS)) {
                merged.set(last, new SiteReport.Offer(merged.get(last).kw() + o.kw(), o.valuePerKw()));
            } else {
                merged.add(new SiteReport.Offer(o.kw(), o.valuePerKw()));
            }
        }
        return merged;
    }

    private static SiteReport.Battery battery(PowerInputs p) {
        return p.batterySocPct().good() && p.batteryKw().good()
                ? new SiteReport.Battery(p.batterySocPct().value(), p.batteryKw().value()) : null;
    }
}
