package io.containeredge.control.grid;

import io.containeredge.control.api.FrequencyStatus;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import io.containeredge.site.api.FrequencyGuardSettings;
import io.containeredge.site.api.SiteConfig;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The under-frequency guard as a hard limit source: it reads the grid frequency point from each cycle's snapshot
 * (whose quality already says whether it is stale), keeps the {@link FrequencyGuard}'s state between cycles, and sheds
 * by the fastest path the miners offer: sleep, no power-target trims ({@link Verdict.Shedding#SLEEP}), with the
 * sockets cut at once as well where the site asks for a hard cut.
 */
public final class FrequencyLimit implements LimitSource {

    private final FrequencyGuardSettings settings;
    private final DoubleSupplier firmFloorKw;
    private FrequencyGuard.State state = FrequencyGuard.State.initial();
    private volatile FrequencyStatus status;

    /**
     * @param firmFloorKw what the firm loads keep when every miner is shed: the AI tenants' contract floors (the sum of
     *     the firm load kinds' {@code floorKw}), 0 without them
     */
    public FrequencyLimit(FrequencyGuardSettings settings, DoubleSupplier firmFloorKw) {
        this.settings = settings;
        this.firmFloorKw = firmFloorKw;
        this.status = new FrequencyStatus(settings.pointPath(), Double.NaN, FrequencyGuard.Mode.NORMAL.name(),
                settings.thresholdHz(), restoreHz(), "no reading yet", 0);
    }

    /** The site's guard, if it configures one ({@code grid.frequency}). */
    public static Optional<FrequencyLimit> forSite(SiteConfig site, DoubleSupplier firmFloorKw) {
        return site.grid().frequency().map(f -> new FrequencyLimit(f, firmFloorKw));
    }

    /** The meter whose fresh values must run a control cycle at once (the frequency's device). */
    public String device() {
        return settings.device();
    }

    @Override
    public Verdict.Strength strength() {
        return Verdict.Strength.HARD;
    }

    @Override
    public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
        PointValue v = cycle.snapshot().get(settings.device(), settings.point());
        FrequencyGuard.Reading reading = new FrequencyGuard.Reading(v.asDouble(), v.quality() == Quality.GOOD,
                v.timestampMillis(), v.quality() == Quality.GOOD ? null : v.quality().key() + ": " + v.reason());
        FrequencyGuard.Loads loads = new FrequencyGuard.Loads(in.minerKw(), in.minerRatedKw(),
                firmFloorKw.getAsDouble());
        FrequencyGuard.Decision d = FrequencyGuard.evaluate(reading, settings, loads, cycle.nowMillis(), state);
        state = d.state();
        status = new FrequencyStatus(settings.pointPath(), d.hz(), state.mode().name(), settings.thresholdHz(),
                restoreHz(), d.reason(), state.sheds());
        Verdict verdict = new Verdict(FrequencyGuard.NAME, d.limitKw(), d.holdWake(), d.reason(), d.alarms());
        return List.of(state.mode() == FrequencyGuard.Mode.SHED ? verdict.withShedding(settings.hardCut()
                ? Verdict.Shedding.SLEEP_AND_CUT : Verdict.Shedding.SLEEP) : verdict);
    }

    /** The guard as of the last cycle, for the grid status (any thread). */
    public FrequencyStatus status() {
        return status;
    }

    private double restoreHz() {
        return settings.thresholdHz() + settings.hysteresisHz();
    }
}
