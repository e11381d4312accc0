package io.containeredge.control.internal;

import io.containeredge.control.api.ComplianceSecond;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.control.actuators.PvExport;
import io.containeredge.control.economics.EconomicLimit;
import io.containeredge.control.economics.EnergyPrice;
import io.containeredge.control.grid.EventBook;
import io.containeredge.control.grid.FrequencyGuard;
import io.containeredge.control.grid.FrequencyLimit;
import io.containeredge.control.grid.GridLimits;
import io.containeredge.control.grid.PeakLimit;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.openadr.OpenAdrVen;
import io.containeredge.control.power.BatteryTarget;
import io.containeredge.site.api.GridSettings;
import io.containeredge.site.api.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The container's grid services wired to the loop: the events (from every sender, kept in {@code grid-events/}) and
 * the peak windows as one soft source, and what people and the cloud read of them. Every site has one: events arrive
 * over signed MQTT even without a {@code grid} section.
 */
final class SiteGrid {

    private static final Set<String> GRID_GUARDS = Set.of(EventBook.GUARD, PeakLimit.GUARD, FrequencyGuard.NAME);

    private final EventBook events;
    private final Optional<PeakLimit> peaks;
    private final GridLimits limits;
    private final Optional<FrequencyLimit> frequency;
    private Optional<OpenAdrVen> ven = Optional.empty();

    private SiteGrid(EventBook events, Optional<PeakLimit> peaks, Optional<FrequencyLimit> frequency, double floorKw) {
        this.events = events;
        this.peaks = peaks;
        this.limits = new GridLimits(events, peaks, () -> floorKw);
        this.frequency = frequency;
    }

    /**
     * @param floorKw the firm load kinds' floors (the AI tenants'): an event that asks for less is met down to them and
     *     said so (opt-out), and an under-frequency shed of every miner keeps them
     */
    static SiteGrid forSite(SiteConfig s, Path data, double floorKw) throws IOException {
        GridSettings g = s.grid();
        Path dir = Files.createDirectories(data.resolve("grid-events"));
        Optional<PeakLimit> peaks = g.peaks().map(p -> new PeakLimit(p, data.resolve("peak-alert.json")));
        return new SiteGrid(new EventBook(g.events(), s.limits().importCapKw(), dir), peaks,
                FrequencyLimit.forSite(s, () -> floorKw, data.resolve("frequency-shed.json")), floorKw);
    }

    /** The battery's target: the plan's ({@code plan}), idle instead while an event or peak window holds the import. */
    Function<Cycle, BatteryTarget> battery(Function<Cycle, BatteryTarget> plan) {
        return limits.batteryDuringEvents(plan);
    }

    /** Events' prices for economics (before the live prices), events' export limits for the PV export limiter. */
    void follow(Optional<EconomicLimit> economics, Optional<PvExport> pv, SiteConfig s) {
        economics.ifPresent(e -> e.inputs().followEventPrices(wall -> events.priceAt(wall).map(p -> new EnergyPrice(
                p.usdPerMwh(), EnergyPrice.Source.LIVE, "price of grid event " + p.name() + " (" + p.eventId() + ")",
                null))));
        pv.ifPresent(limiter -> limits.limitExportWith(limiter::limitExportTo, s.planner().orElseThrow().export()
                .limitKw()));
    }

    /**
     * Starts the OpenADR 3 VEN of a site with {@code grid.openAdr}: it schedules its events through {@code control},
     * the one checked path every sender takes, on its own thread.
     */
    void startVen(SiteConfig s, Path data, ControlService control) {
        ven = s.grid().openAdr().map(o -> OpenAdrVen.forSite(o, data, control, System::currentTimeMillis));
        ven.ifPresent(OpenAdrVen::start);
    }

    void close() {
        ven.ifPresent(OpenAdrVen::close);
    }

    /** The under-frequency guard (hard) when the site has one, then the events and peak windows (soft). */
    LimitSources limits() {
        return frequency.map(LimitSources::of).orElse(LimitSources.none()).and(LimitSources.of(limits));
    }

    /** The device whose frequency the guard reads: its fresh values run a cycle at once. */
    Optional<String> frequencyDevice() {
        return frequency.map(FrequencyLimit::device);
    }

    GridEventStatus schedule(GridEvent e) {
        return events.schedule(e, System.currentTimeMillis());
    }

    boolean cancel(String id, String source) {
        return events.cancel(id, source, System.currentTimeMillis());
    }

    void setPeakAlert(boolean on, long untilMillis, String source) {
        peaks.orElseThrow(() -> new IllegalArgumentException("the site configures no peak windows (grid.peaks): a peak"
                + " alert has nothing to hold")).setAlert(on, untilMillis, source, System.currentTimeMillis());
    }

    Optional<List<ComplianceSecond>> compliance(String id) {
        return events.compliance(id);
    }

    /** Empty before the first cycle. */
    Optional<GridStatus> status(ControlStatus now) {
        if (now == null) {
            return Optional.empty();
        }
        long wall = now.timestampMillis();
        Optional<String> binding = GRID_GUARDS.contains(now.bindingGuard()) ? Optional.of(now.binding())
                : Optional.empty();
        return Optional.of(new GridStatus(wall, frequency.map(FrequencyLimit::status), peaks.map(p -> p.status(wall)),
                events.statuses(wall), binding));
    }
}
