package io.containeredge.control.testing;

import io.containeredge.control.api.SiteLeaseStatus;
import io.containeredge.control.site.LeaseBook;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteLeaseSettings;
import io.containeredge.site.api.SiteReport;
import io.containeredge.control.api.AiStatus;
import io.containeredge.control.api.ComplianceSecond;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.control.grid.EventChecks;
import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.FleetEfficiency;
import io.containeredge.control.api.EconomicsStatus;
import io.containeredge.control.api.ForecastSlot;
import io.containeredge.control.api.PlanStatus;
import io.containeredge.control.api.HashpriceUpdate;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.control.api.PriceSlot;
import io.containeredge.control.economics.EconomicInputs;
import io.containeredge.control.economics.EconomicUpdates;
import io.containeredge.control.economics.Hashprice;
import io.containeredge.control.economics.Tariff;
import io.containeredge.control.maintenance.MaintenanceSchedule;
import io.containeredge.control.power.CapOverride;
import io.containeredge.site.api.EconomicsSettings;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The controller as the bundles that command it (console, cloud, api) see it, for their tests. It runs no
 * cycle: {@link #status()} is null, as before the first one, until the test {@link #shows} a cycle's status.
 *
 * <p>Every call that would change something is recorded as one line: the method's name, then its
 * arguments in order, separated by spaces, durations in ISO-8601, e.g.
 * {@code overrideImportCap 1500.0 PT30M mqtt:ops/dr-1}, {@code setMaintenance battery PT1H30M console:tom},
 * {@code liftImportCap console:tom}, {@code acknowledge thermal.supply-trip mqtt:ops}, {@code requestReset}, {@code requestRemoteReset},
 * {@code updatePrices [PriceSlot[startMillis=…, minutes=15, usdPerMwh=112.0]] mqtt:ops/p-1},
 * {@code updateHashprice HashpriceUpdate[usdPerThDay=0.05, poolFee=0.02, atMillis=…] mqtt:ops/h-1}.
 *
 * <p>It refuses what the real controller refuses for its site, with the real reason (the same checks:
 * {@link CapOverride#commanded}, {@link MaintenanceSchedule#window}, {@link EconomicUpdates}): a refused call throws and is not
 * recorded, since nothing changed. A call answered false (no override to lift, a device not in
 * maintenance, an alarm unknown or already acknowledged) is recorded: it reached the controller. The
 * answers follow from the calls as the real controller's do: a lift is true after an override, an
 * end of maintenance after a start.
 */
public final class RecordingControlService implements ControlService {

    private final double siteImportCapKw;
    private final List<String> devices;
    private final LongSupplier clock;
    private final EconomicUpdates economics;
    private final Map<String, Alarm> alarms = new LinkedHashMap<>();
    private final Map<String, MaintenanceWindow> maintenance = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();
    private CapOverride capOverride;
    private volatile ControlStatus lastCycle;
    private volatile FleetEfficiency efficiency = FleetEfficiency.NONE;
    private volatile EconomicsStatus economicsStatus;
    private volatile PlanStatus planStatus;
    private volatile AiStatus aiStatus;
    private volatile GridStatus gridStatus;
    private final Map<String, GridEvent> events = new LinkedHashMap<>();
    private final Map<String, List<ComplianceSecond>> compliance = new LinkedHashMap<>();
    private boolean peakWindows = true;
    /** The site's lease book (in memory), null for a site without {@code siteLease}. */
    private final LeaseBook leases;

    private RecordingControlService(Builder b) {
        siteImportCapKw = b.siteImportCapKw;
        devices = List.copyOf(b.devices);
        clock = b.clock;
        economics = new EconomicUpdates(b.economics ? Optional.of(flatTariff()) : Optional.empty());
        leases = b.siteLease;
        for (String id : b.activeAlarms) {
            alarms.put(id, new Alarm(id, Severity.WARNING, "test", id, Double.NaN, clock.getAsLong(), 0, 0, null));
        }
    }

    /** Economic inputs of a flat 50 USD/MWh tariff in UTC and 0.035 USD/TH/day, good for 24 h. */
    private static EconomicInputs flatTariff() {
        return new EconomicInputs(new Tariff(new EconomicsSettings.Tariff(ZoneOffset.UTC, 50, List.of(), 0,
                Optional.empty())), Hashprice.configured(new EconomicsSettings.Hashprice(0.035, 0,
                Duration.ofHours(24))));
    }

    /** A controller for a site whose import cap is {@code importCapKw}; see {@link Builder} for the rest. */
    public static Builder forSite(double importCapKw) {
        return new Builder(importCapKw);
    }

    /** What the site has: its devices and active alarms, and the clock the controller reads. */
    public static final class Builder {
        private final double siteImportCapKw;
        private List<String> devices = List.of();
        private List<String> activeAlarms = List.of();
        private LongSupplier clock = System::currentTimeMillis;
        private boolean economics;
        private LeaseBook siteLease;

        private Builder(double siteImportCapKw) {
            this.siteImportCapKw = siteImportCapKw;
        }

        /** The site's device ids, the ones that may be put in maintenance. None by default. */
        public Builder devices(String... ids) {
            devices = Arrays.asList(ids);
            return this;
        }

        /** Alarms raised and not acknowledged, by id. None by default. */
        public Builder activeAlarms(String... ids) {
            activeAlarms = Arrays.asList(ids);
            return this;
        }

        /** The time the controller reads (maintenance windows, override expiry). The system clock by default. */
        public Builder clock(LongSupplier nowMillis) {
            clock = nowMillis;
            return this;
        }

        /** The site has an economics section: live prices and hashprices are taken. Without one they are refused. */
        public Builder economics() {
            economics = true;
            return this;
        }

        /** The site has a siteLease section: leases for site/container are taken by a real lease book. */
        public Builder siteLease(String site, String container, SiteLeaseSettings settings) {
            siteLease = new LeaseBook(site, container, settings, null);
            return this;
        }

        public RecordingControlService build() {
            return new RecordingControlService(this);
        }
    }

    /** Every call that would change something, one line each, oldest first. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private void record(Object... parts) {
        calls.add(String.join(" ", Arrays.stream(parts).map(String::valueOf).toList()));
    }

    /** From now on {@link #status()} answers this, as after a cycle that decided it. */
    public void shows(ControlStatus status) {
        lastCycle = status;
    }

    @Override
    public ControlStatus status() {
        return lastCycle;
    }

    @Override
    public synchronized void requestReset() {
        record("requestReset");
    }

    @Override
    public synchronized void requestRemoteReset() {
        record("requestRemoteReset");
    }

    @Override
    public synchronized void overrideImportCap(double capKw, Duration duration, String source) {
        capOverride = CapOverride.commanded(capKw, duration, siteImportCapKw, clock.getAsLong(), source);
        record("overrideImportCap", capKw, duration, source);
    }

    @Override
    public synchronized boolean liftImportCap(String source) {
        record("liftImportCap", source);
        boolean wasActive = capOverride != null && capOverride.activeAt(clock.getAsLong());
        capOverride = null;
        return wasActive;
    }

    /** What {@link #economics()} answers from now on: as the real controller's after a cycle with economics on. */
    public void showsEconomics(EconomicsStatus status) {
        economicsStatus = status;
    }

    @Override
    public Optional<EconomicsStatus> economics() {
        return Optional.ofNullable(economicsStatus);
    }

    /** What {@link #ai()} answers from now on: as the real controller's after a cycle with GPU servers. */
    /** What {@link #grid()} answers from now on (null: empty, as before the first cycle). */
    public void showsGrid(GridStatus status) {
        gridStatus = status;
    }

    /** An event's per-second compliance as {@link #compliance} answers it. */
    public void showsCompliance(String eventId, List<ComplianceSecond> seconds) {
        compliance.put(eventId, List.copyOf(seconds));
    }

    /** A site without peak windows: {@link #setPeakAlert} is refused as the real controller refuses it. */
    public void withoutPeakWindows() {
        peakWindows = false;
    }

    /** The events scheduled and not cancelled, by id. */
    public synchronized Map<String, GridEvent> events() {
        return Map.copyOf(events);
    }

    @Override
    public synchronized GridEventStatus scheduleEvent(GridEvent event) {
        EventChecks.check(event, siteImportCapKw, clock.getAsLong());
        events.put(event.id(), event);
        record("scheduleEvent", event.id(), event.source());
        return new GridEventStatus(event, GridEventStatus.State.UPCOMING, Double.NaN, "scheduled", "", null);
    }

    @Override
    public synchronized boolean cancelEvent(String eventId, String source) {
        record("cancelEvent", eventId, source);
        return events.remove(eventId) != null;
    }

    @Override
    public synchronized void setPeakAlert(boolean on, long untilMillis, String source) {
        if (!peakWindows) {
            throw new IllegalArgumentException("the site configures no peak windows: a peak alert has nothing to hold");
        }
        long now = clock.getAsLong();
        if (on && (untilMillis <= now || untilMillis > now + Duration.ofHours(24).toMillis())) {
            throw new IllegalArgumentException("a peak alert ends within the next 24 hours");
        }
        record("setPeakAlert", on, on ? untilMillis : 0, source);
    }

    @Override
    public Optional<GridStatus> grid() {
        return Optional.ofNullable(gridStatus);
    }

    @Override
    public synchronized Optional<List<ComplianceSecond>> compliance(String eventId) {
        List<ComplianceSecond> shown = compliance.get(eventId);
        return shown != null ? Optional.of(shown) : events.containsKey(eventId) ? Optional.of(List.of()) : Optional.empty();
    }

    public void showsAi(AiStatus status) {
        aiStatus = status;
    }

    @Override
    public Optional<AiStatus> ai() {
        return Optional.ofNullable(aiStatus);
    }

    /** What {@link #plan()} answers from now on: as the real controller's after a cycle with a planner. */
    public void showsPlan(PlanStatus status) {
        planStatus = status;
    }

    @Override
    public Optional<PlanStatus> plan() {
        return Optional.ofNullable(planStatus);
    }

    @Override
    public synchronized void updateForecast(List<ForecastSlot> slots, String source) {
        record("updateForecast", slots, source);
    }

    @Override
    public synchronized void updatePrices(List<PriceSlot> slots, String source) {
        economics.prices(slots, clock.getAsLong());
        record("updatePrices", slots, source);
    }

    @Override
    public synchronized void updateHashprice(HashpriceUpdate update, String source) {
        economics.hashprice(update, clock.getAsLong());
        record("updateHashprice", update, source);
    }

    @Override
    public synchronized MaintenanceWindow setMaintenance(String device, Duration duration, String source) {
        MaintenanceWindow w = MaintenanceSchedule.window(devices, device, duration, source, clock.getAsLong());
        maintenance.put(device, w);
        record("setMaintenance", device, duration, source);
        return w;
    }

    @Override
    public synchronized boolean endMaintenance(String device, String source) {
        record("endMaintenance", device, source);
        MaintenanceWindow w = maintenance.remove(device);
        return w != null && w.activeAt(clock.getAsLong());
    }

    @Override
    public synchronized List<MaintenanceWindow> maintenance() {
        long now = clock.getAsLong();
        return maintenance.values().stream().filter(w -> w.activeAt(now)).toList();
    }

    @Override
    public List<CommandOutcome> recentCommands() {
        return List.of();
    }

    @Override
    public synchronized List<Alarm> activeAlarms() {
        return List.copyOf(alarms.values());
    }

    @Override
    public synchronized List<Alarm> alarmHistory(int max) {
        return alarms.values().stream().limit(max).toList();
    }

    @Override
    public synchronized boolean acknowledge(String alarmId, String who) {
        record("acknowledge", alarmId, who);
        Alarm a = alarms.get(alarmId);
        if (a == null || a.acknowledged()) {
            return false;
        }
        alarms.put(alarmId, new Alarm(a.id(), a.severity(), a.source(), a.message(), a.reading(), a.raisedMillis(), 0,
                Math.max(1, clock.getAsLong()), who));
        return true;
    }

    /** From now on {@link #efficiency()} answers this, as after a cycle that measured it. */
    public void showsEfficiency(FleetEfficiency measured) {
        efficiency = measured;
    }

    @Override
    public SiteLeaseStatus acceptLease(SiteLease lease, String source) {
        record("acceptLease", lease.container(), lease.epoch() + "/" + lease.seq(), source);
        if (leases == null) {
            throw new IllegalArgumentException("this container has no siteLease section: it takes no site leases");
        }
        return leases.accept(lease, source, clock.getAsLong());
    }

    /** With a siteLease section: a report of no load, the site's import cap as the hard limit, the lease book's lease. */
    @Override
    public Optional<SiteReport> siteReport() {
        long now = clock.getAsLong();
        return Optional.ofNullable(leases).map(b -> new SiteReport(b.site(), b.container(), now, Double.NaN,
                Double.NaN, siteImportCapKw, 0, 0, List.of(), b.fallbackKw(), b.reportState(now), null));
    }

    @Override
    public Optional<SiteLeaseStatus> siteLease() {
        return Optional.ofNullable(leases).map(b -> b.status(clock.getAsLong(), false));
    }

    @Override
    public FleetEfficiency efficiency() {
        return efficiency;
    }
}
