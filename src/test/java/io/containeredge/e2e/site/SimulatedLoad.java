package io.containeredge.e2e.site;

import io.containeredge.site.api.SiteReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The load of one lightweight container agent, as a gateway's control loop would move it under an import limit:
 * other load (lighting, cooling auxiliaries: not controllable), the controllable loads' firm floor, and flexible
 * blocks worth a value per kW. Under a limit it runs as many blocks as fit, highest value first, and sheds at once
 * (the next step; a gateway sheds within one cycle); it rises at most at the wake ramp, as miners waking up do. The
 * firm floor and the other load never shed: a budget below them is exceeded, as on a real container. Pure: time is
 * an argument.
 */
final class SimulatedLoad {

    private final double otherKw;
    private final double firmKw;
    private final List<SiteReport.Offer> blocks;
    private final double hardImportKw;
    private final double wakeKwPerSecond;
    private final double flexibleTotalKw;
    /** What the controllable loads draw now: the firm floor plus the running part of the blocks. */
    private double controllableKw;
    /** What it has committed the controllable loads to: the level it sheds to at once or rises towards. */
    private double targetKw;

    /**
     * @param blocks flexible load by value, any order
     * @param hardImportKw the container's own hard limit on its import (its transformer, its breaker)
     * @param wakeKwPerSecond how fast the controllable load rises when allowed to
     */
    SimulatedLoad(double otherKw, double firmKw, List<SiteReport.Offer> blocks, double hardImportKw,
            double wakeKwPerSecond) {
        this.otherKw = otherKw;
        this.firmKw = firmKw;
        List<SiteReport.Offer> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparingDouble(SiteReport.Offer::valuePerKw).reversed());
        this.blocks = List.copyOf(sorted);
        this.flexibleTotalKw = sorted.stream().mapToDouble(SiteReport.Offer::kw).sum();
        this.hardImportKw = hardImportKw;
        this.wakeKwPerSecond = wakeKwPerSecond;
        this.controllableKw = firmKw;
        this.targetKw = firmKw;
    }

    /** One step of {@code seconds} under {@code importLimitKw}: down to the limit at once, up at the wake ramp. */
    void follow(double importLimitKw, double seconds) {
        double allowed = Math.min(importLimitKw, hardImportKw) - otherKw;
        targetKw = Math.max(firmKw, Math.min(firmKw + flexibleTotalKw, allowed));
        controllableKw = targetKw < controllableKw ? targetKw
                : Math.min(targetKw, controllableKw + wakeKwPerSecond * seconds);
    }

    double importKw() {
        return otherKw + controllableKw;
    }

    /** The import it has committed to: the other load and its target (the import once the loads got there). */
    double committedKw() {
        return otherKw + targetKw;
    }

    double otherKw() {
        return otherKw;
    }

    double firmKw() {
        return firmKw;
    }

    double hardImportKw() {
        return hardImportKw;
    }

    /** The blocks highest value first, as a report offers them. */
    List<SiteReport.Offer> offers() {
        return blocks;
    }

    /** What it would draw with no limit: other load, firm floor and every block. */
    double fullImportKw() {
        return Math.min(hardImportKw, otherKw + firmKw + flexibleTotalKw);
    }
}
