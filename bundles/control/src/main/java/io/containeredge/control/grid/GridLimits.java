package io.containeredge.control.grid;

import io.containeredge.control.api.Reading;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.limit.OtherLoad;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.power.BatteryTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Demand-response events and coincident-peak windows as one soft limit source: both hold the container's import to a
 * level, which becomes a limit on the controllable loads by taking off what the rest of the container draws
 * (auxiliaries, the battery, less PV: import less the loads' draw). They only ever lower what the hard limits allow.
 *
 * <p>While an event or a peak window holds the import, the battery does not charge from the grid (it would add to the
 * import the loads are shed for), so its charging is not counted in the other load; it still covers the hard cap as
 * the power guard's rules say.
 *
 * <p>The other load is estimated as every import-holding source does ({@link OtherLoad}).
 */
public final class GridLimits implements LimitSource {

    private final EventBook events;
    private final Optional<PeakLimit> peaks;
    private final DoubleSupplier floorKw;
    /** Takes the export limit in force each cycle: the site's, or an event's when lower. */
    private volatile DoubleConsumer exportLimit = kw -> { };
    private double siteExportKw = Double.POSITIVE_INFINITY;
    /** The battery's charging is left out: it stops while an event holds the import ({@link #batteryDuringEvents}). */
    private final OtherLoad otherLoad = new OtherLoad(OtherLoad.Charging.LEFT_OUT);
    /** What holds the import now (the last cycle's), for the battery: empty when nothing does. */
    private volatile String holding = "";

    /** @param floorKw the controllable loads' firm floors (the AI tenants'), which an event cannot cut */
    public GridLimits(EventBook events, Optional<PeakLimit> peaks, DoubleSupplier floorKw) {
        this.events = events;
        this.peaks = peaks;
        this.floorKw = floorKw;
    }

    @Override
    public Verdict.Strength strength() {
        return Verdict.Strength.SOFT;
    }

    @Override
    public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
        Reading imported = in.power().importKw();
        SiteLoad load = new SiteLoad(imported.value(), imported.good(), otherLoad.observe(in), floorKw.getAsDouble());
        List<Verdict> verdicts = new ArrayList<>(events.advance(cycle.wallMillis(), load));
        peaks.flatMap(p -> p.evaluate(cycle.wallMillis(), load)).ifPresent(verdicts::add);
        holding = verdicts.isEmpty() ? "" : verdicts.get(0).reason();
        exportLimit.accept(Math.min(siteExportKw, events.exportLimitKw(cycle.wallMillis()).orElse(siteExportKw)));
        return verdicts;
    }

    /**
     * From the next cycle on, an event's export limit (OpenADR {@code EXPORT_CAPACITY_LIMIT}) lowers the PV export
     * limiter's for as long as it is in force; the site's own limit applies again after it.
     */
    public void limitExportWith(DoubleConsumer limiter, double siteLimitKw) {
        siteExportKw = siteLimitKw;
        exportLimit = limiter;
    }

    /**
     * The battery's target: idle (no charging) while an event or peak window held the import in the last cycle,
     * else what {@code otherwise} asks (the plan's, or null for the power guard's own recharge rule).
     */
    public Function<Cycle, BatteryTarget> batteryDuringEvents(Function<Cycle, BatteryTarget> otherwise) {
        return cycle -> {
            String why = holding;
            return why.isEmpty() ? otherwise.apply(cycle) : new BatteryTarget(0, 100, 0, why);
        };
    }
}
