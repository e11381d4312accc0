package io.containeredge.control.internal;

import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.ForecastSlot;
import io.containeredge.control.api.PlanStatus;
import io.containeredge.control.economics.EconomicLimit;
import io.containeredge.control.economics.SiteUnitModels;
import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.power.BatteryTarget;
import io.containeredge.control.planner.ForecastUpdates;
import io.containeredge.control.planner.MonthPeak;
import io.containeredge.control.planner.PlanLimit;
import io.containeredge.control.planner.PlanReport;
import io.containeredge.control.planner.Planner;
import io.containeredge.control.planner.ForecastFileWatcher;
import io.containeredge.control.planner.PvHistory;
import io.containeredge.control.power.BatteryCommand;
import io.containeredge.control.power.PowerConfig;
import io.containeredge.modbus.time.MonotonicClock;
import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.PlannerSettings;
import io.containeredge.site.api.SiteConfig;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage and renewables planner of a site with a {@code planner} section, wired to the loop: its limit source
 * (before economics, whose price it sets), its battery target, its own thread for the solves (ticking every
 * {@link #TICK_SECONDS} s), the forecast file watched on the file thread, and the forecasts received.
 */
final class SitePlanner implements AutoCloseable {

    static final long TICK_SECONDS = 15;
    private static final long FILE_CHECK_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(SitePlanner.class);

    private final Planner planner;
    private final PlanLimit limit;
    private final PlannerSettings settings;
    private final MonotonicClock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "planner");
        t.setDaemon(true);
        return t;
    });

    private SitePlanner(PlannerSettings settings, Planner planner, PlanLimit limit, MonotonicClock clock) {
        this.settings = settings;
        this.planner = planner;
        this.limit = limit;
        this.clock = clock;
    }

    /** Empty without a planner section (the loader refuses one without economics). */
    static Optional<SitePlanner> forSite(SiteConfig s, Path data, Optional<EconomicLimit> economics,
            PowerConfig power, MonotonicClock clock) {
        if (s.planner().isEmpty() || economics.isEmpty()) {
            return Optional.empty();
        }
        // the AI tenants are not the plan's to limit: planned as firm load at their contracts' top, never squeezed
        double aiKw = s.ai().map(AiSettings::contractedKw).orElse(0.0);
        PlannerSettings site = s.planner().get();
        PlannerSettings settings = new PlannerSettings(site.battery(), site.export(), site.pvRatedKw(),
                site.forecastFile(), site.firmLoadKw() + aiKw, site.replanEvery(), site.solveTimeLimit(),
                site.forecastErrorKw(), site.derating());
        Map<Integer, UnitModel> units = SiteUnitModels.of(s);
        double unpricedKw = SiteUnitModels.unpricedKw(s, units) + aiKw;
        ZoneId zone = economics.get().inputs().tariff().settings().zone();
        Planner planner = new Planner(settings, economics.get().inputs(), new PvHistory(data.resolve("pv-history.json")),
                units.values(), power.ratingKw(), new MonthPeak(zone));
        PlanLimit limit = new PlanLimit(planner, economics.get().inputs(), s.enabledDevicesWithRole("pv"), unpricedKw,
                zone);
        LOG.info("planner: on, 48 h in 15-min slots re-planned every {} min, battery {}, PV {} kW, export {} kW ({})",
                settings.replanEvery().toMinutes(), settings.battery().map(b -> b.capacityKwh() + " kWh")
                        .orElse("none"), settings.pvRatedKw(), settings.export().limitKw(), settings.export().price());
        return Optional.of(new SitePlanner(settings, planner, limit, clock));
    }

    /** The plan's limit source: registered before economics, which decides on the plan's value of energy. */
    LimitSources limits() {
        return LimitSources.of(limit);
    }

    /** What the plan asks of the battery each cycle: the loop's power guard follows it (see {@link SiteGrid}). */
    Function<Cycle, BatteryTarget> batteryPlan() {
        return limit::batteryTarget;
    }

    /** Starts the solves and the forecast file watch. */
    void start(ControlLoop loop, ScheduledExecutorService fileThread, Path data) {
        thread.scheduleWithFixedDelay(() -> tick(loop), 0, TICK_SECONDS, TimeUnit.SECONDS);
        settings.forecastFile().map(data::resolve).ifPresent(file -> {
            ForecastFileWatcher watcher = new ForecastFileWatcher(file, this::updateForecast);
            fileThread.scheduleWithFixedDelay(watcher::check, 0, FILE_CHECK_SECONDS, TimeUnit.SECONDS);
            LOG.info("planner: watching the forecast file {} every {} s", file, FILE_CHECK_SECONDS);
        });
    }

    /** One tick, never throwing: a failed tick is logged and the next one runs (the plan ages into the fallback). */
    private void tick(ControlLoop loop) {
        try {
            long now = clock.millis();
            planner.tick(limit.observed(), loop.importCapKw(now), System.currentTimeMillis(), since -> now - since);
        } catch (RuntimeException e) { // NOPMD: the planner thread must survive anything a solve throws
            LOG.error("planner: tick failed; the plan in force ages into the rule-based fallback", e);
        }
    }

    /** @throws IllegalArgumentException with the reason when refused; nothing changes */
    void updateForecast(List<ForecastSlot> slots, String source) {
        planner.useForecast(ForecastUpdates.check(slots, System.currentTimeMillis(), settings.pvRatedKw(), source));
        LOG.info("planner: generation forecast of {} slots from {}", slots.size(), source);
    }

    PlanStatus status(ControlStatus control, BatteryCommand battery) {
        long wall = control == null ? System.currentTimeMillis() : control.timestampMillis();
        return PlanReport.of(planner.held(), limit.observed(), battery.setpointKw(), battery.reason(),
                planner.forecastPvKw(wall), wall);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
