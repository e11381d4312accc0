package io.containeredge.control.actuators;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.Reading;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.loop.InputMapper;
import io.containeredge.control.power.PvExportLimit;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.site.api.PlannerSettings;
import io.containeredge.site.api.SiteConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PV export limiter of a site: each cycle, {@link PvExportLimit} decides the plant's cap from the import
 * meter and the inverters' output, and every PV inverter not in maintenance gets the same cap as % of its
 * rating ({@link PvActuator}), so the plant's cap is shared by rating. Only a site with a {@code planner}
 * section (its export limit) and PV inverters has one.
 */
public final class PvExport {

    /** A site without a limiter: nothing is read, written or alarmed. */
    public static final PvExport NONE = new PvExport(List.of(), null);

    private final List<PvActuator> inverters;
    private final List<String> devices;
    private volatile PvExportLimit.Settings settings;
    /** Null until the first cycle: the ramp's time starts there. */
    private PvExportLimit.State state;

    PvExport(List<PvActuator> inverters, PvExportLimit.Settings settings) {
        this.inverters = List.copyOf(inverters);
        this.devices = this.inverters.stream().map(PvActuator::device).toList();
        this.settings = settings;
    }

    /**
     * The limiter for the site's enabled PV inverters (role pv) under its planner's export limit, rated at the
     * planner's {@code pvRatedKw}; none without a planner section, PV inverters or a rating.
     */
    public static Optional<PvExport> forSite(SiteConfig site, DeviceWriter writer) {
        List<String> pv = site.enabledDevicesWithRole("pv");
        Optional<PlannerSettings> planner = site.planner().filter(p -> p.pvRatedKw() > 0);
        if (pv.isEmpty() || planner.isEmpty()) {
            return Optional.empty();
        }
        PlannerSettings p = planner.get();
        return Optional.of(new PvExport(pv.stream().map(d -> new PvActuator(d, writer)).toList(),
                PvExportLimit.Settings.of(p.export().limitKw(), p.pvRatedKw())));
    }

    /**
     * One cycle: decides the cap and writes it.
     *
     * @param importKw the site's import meter reading, as the power guard reads it
     * @return the capping condition, readings that were not good, write and read-back failures
     */
    public List<AlarmCondition> run(Cycle cycle, Reading importKw) {
        if (inverters.isEmpty()) {
            return List.of();
        }
        PvExportLimit.Settings settings = this.settings;
        PvExportLimit.Decision d = PvExportLimit.decide(importKw, InputMapper.inverterKw(cycle.snapshot(), devices),
                from(cycle, settings), cycle.nowMillis(), settings);
        state = d.state();
        List<AlarmCondition> alarms = new ArrayList<>(d.alarms());
        for (PvActuator inverter : inverters) {
            alarms.addAll(cycle.isHeld(inverter.device()) ? inverter.standDown()
                    : inverter.apply(d.capPct(settings), settings.limitPct(), cycle.snapshot(), cycle.nowMillis()));
        }
        return alarms;
    }

    /**
     * A new export limit from the next cycle on (a grid operator's dynamic limit, a new agreement): the cap moves
     * from where it stands, down at once, up at the ramp.
     */
    public void limitExportTo(double limitKw) {
        PvExportLimit.Settings s = settings;
        if (s == null) {
            throw new IllegalStateException("the site has no PV export limiter");
        }
        settings = new PvExportLimit.Settings(limitKw, s.ratedKw(), s.marginKw(), s.rampPctPerS(),
                s.releaseAfterMillis());
    }

    /**
     * The last cycle's state; released, the lowest cap an inverter not in maintenance reads as in force (see
     * {@link PvActuator#capInForcePct}), so that it is raised at the ramp and released, never left behind.
     */
    private PvExportLimit.State from(Cycle cycle, PvExportLimit.Settings settings) {
        if (state != null && state.capping()) {
            return state;
        }
        double pct = inverters.stream().filter(i -> !cycle.isHeld(i.device()))
                .mapToDouble(i -> i.capInForcePct(cycle.snapshot())).filter(p -> !Double.isNaN(p)).min()
                .orElse(Double.NaN);
        return Double.isNaN(pct) ? PvExportLimit.State.released(cycle.nowMillis())
                : new PvExportLimit.State(pct / 100 * settings.ratedKw(), Long.MIN_VALUE,
                        state == null ? cycle.nowMillis() : state.atMillis());
    }

}
