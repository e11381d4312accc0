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
import java.nio.file.Path;
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
    private final ShedFile file;
    private FrequencyGuard.State state;
    private volatile FrequencyStatus status;

    /** A guard whose shed is not kept across restarts (tests, benchmarks). */
    public FrequencyLimit(FrequencyGuardSettings settings, DoubleSupplier firmFloorKw) {
        this(settings, firmFloorKw, ShedFile.NONE);
    }

    /**
     * @param firmFloorKw what the firm loads keep when every miner is shed: the AI tenants' contract floors (the sum of
     *     the firm load kinds' {@code floorKw}), 0 without them
     * @param file where a shed is kept: a guard that was shedding (or restoring) when the gateway stopped starts shed,
     *     and lets go only after the frequency has been recovered for {@code restoreAfter} again
     */
    public FrequencyLimit(FrequencyGuardSettings settings, DoubleSupplier firmFloorKw, ShedFile file) {
        this.settings = settings;
        this.firmFloorKw = firmFloorKw;
        this.file = file;
        this.state = file.load();
        this.status = new FrequencyStatus(settings.pointPath(), Double.NaN, state.mode().name(),
                settings.thresholdHz(), restoreHz(), state.holding() ? "shed before the restart, held until the"
                + " frequency has recovered" : "no reading yet", state.sheds());
    }

    /** The site's guard, if it configures one ({@code grid.frequency}), its shed kept in {@code shedFile}. */
    public static Optional<FrequencyLimit> forSite(SiteConfig site, DoubleSupplier firmFloorKw, Path shedFile) {
        return site.grid().frequency().map(f -> new FrequencyLimit(f, firmFloorKw, new ShedFile(shedFile)));
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
        if (d.state().holding() != state.holding()) {
            file.save(d.state());
        }
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

    /** Threshold + hysteresis to the millihertz: 59.7 + 0.1 reads 59.8, not 59.800000000000004. */
    private double restoreHz() {
        return Math.round((settings.thresholdHz() + settings.hysteresisHz()) * 1000) / 1000.0;
    }
}
