package io.containeredge.console.overview;

import io.containeredge.cloud.api.CloudLink;
import io.containeredge.console.history.HistorySeries;
import io.containeredge.control.api.AiStatus;
import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.FrequencyStatus;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.control.api.GuardReadings;
import io.containeredge.control.api.ImportLimits;
import io.containeredge.control.api.PeakStatus;
import io.containeredge.control.api.Reading;
import io.containeredge.control.api.SiteLeaseStatus;
import io.containeredge.control.api.Verdict;
import io.containeredge.site.api.Limits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes the overview and the history sample of one second from the services' state: a pure function. */
public final class OverviewBuilder {

    private OverviewBuilder() {
    }

    /** One second's overview and its history sample. */
    public record Tick(Overview overview, double[] sample) {
    }

    public static Tick build(LiveInputs in) {
        ContainerReadings r = ContainerReadings.of(in.site(), in.snapshot(), in.nowMillis());
        ControlStatus status = in.status();
        double[] sample = sample(r, status);
        StateVerdict state = ContainerStateReader.read(status, in.nowMillis());
        Overview overview = new Overview(in.nowMillis(), state.state().key(), state.reason(),
                status == null ? null : status.thermalStage(),
                status == null ? null : status.binding(),
                power(r, status, in), cooling(r, in), battery(r, status, in), miners(status, in), ai(in.ai()),
                grid(in.grid()), siteLease(in.siteLease()), guards(status),
                cloud(in.cloud()), alarms(in.activeAlarms()),
                status == null ? List.of() : status.maintenance(), series(sample));
        return new Tick(overview, sample);
    }

    /** Values by {@link HistorySeries#ordinal()}; NaN when not known. */
    private static double[] sample(ContainerReadings r, ControlStatus status) {
        double[] s = new double[HistorySeries.count()];
        s[HistorySeries.IMPORT_KW.ordinal()] = r.guards().importKw().value();
        s[HistorySeries.MINER_KW.ordinal()] = status == null ? Double.NaN : status.minerKw();
        // "no limit" is infinite: not a point on a chart
        s[HistorySeries.MAX_MINER_KW.ordinal()] = status == null || Double.isInfinite(status.maxMinerKw())
                ? Double.NaN : status.maxMinerKw();
        s[HistorySeries.SUPPLY_C.ordinal()] = r.guards().supplyC().value();
        s[HistorySeries.RETURN_C.ordinal()] = r.guards().returnC().value();
        s[HistorySeries.BATTERY_SOC.ordinal()] = r.guards().batterySocPct().value();
        s[HistorySeries.BATTERY_KW.ordinal()] = r.guards().batteryKw().value();
        return s;
    }

    private static Map<String, Double> series(double[] sample) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (HistorySeries s : HistorySeries.values()) {
            m.put(s.key(), number(sample[s.ordinal()]));
        }
        return m;
    }

    private static Overview.Power power(ContainerReadings r, ControlStatus status, LiveInputs in) {
        Double cap = null;
        Double rating = null;
        if (in.site() != null) {
            ImportLimits limits = ImportLimits.of(in.site().limits());
            cap = limits.importCapKw();
            rating = limits.ratingKw();
        }
        return new Overview.Power(value(r.guards().importKw()), why(r.guards().importKw()), cap, rating,
                cap == null ? null : Math.min(cap, rating),
                status == null ? null : number(status.allowedImportKw()),
                status == null ? null : status.minerKw(), status == null ? null : status.committedKw(),
                status == null ? null : number(status.maxMinerKw()));
    }

    private static Overview.Cooling cooling(ContainerReadings r, LiveInputs in) {
        Limits l = in.site() == null ? null : in.site().limits();
        GuardReadings g = r.guards();
        return new Overview.Cooling(value(g.supplyC()), why(g.supplyC()), value(g.returnC()), why(g.returnC()),
                l == null ? null : l.coolantSupplyWarningC(), l == null ? null : l.coolantSupplyTripC(),
                l == null ? null : l.coolantSupplyLowC());
    }

    private static Overview.Battery battery(ContainerReadings r, ControlStatus status, LiveInputs in) {
        boolean present = in.site() != null && in.site().battery().isPresent();
        return new Overview.Battery(present, value(r.guards().batterySocPct()), value(r.guards().batteryKw()),
                value(r.batterySetpointKw()), status == null ? null : number(status.batterySetpointKw()));
    }

    private static Overview.Miners miners(ControlStatus status, LiveInputs in) {
        MinerCommandSummary commands = MinerCommandSummary.of(in.commands());
        long total = status == null ? 0 : status.minersTotal();
        long awake = status == null ? 0 : status.minersAwake();
        long unreachable = status == null ? 0 : status.minersUnreachable();
        // a miner that does not answer may still be hashing: it counts as unreachable, not as asleep
        return new Overview.Miners(total, awake, Math.max(0, total - awake - unreachable), unreachable,
                commands.commanded(), commands.lastCommandFailed());
    }

    private static Overview.Ai ai(AiStatus ai) {
        if (ai == null) {
            return null;
        }
        return new Overview.Ai(number(ai.aiKw()), number(ai.miningKw()), ai.tenants().stream()
                .map(t -> new Overview.AiTenant(t.name(), t.floorKw(), t.flexKw(), number(t.grantKw()),
                        number(t.capKw()), number(t.drawKw()), t.capped(), t.breach(), t.reason()))
                .toList());
    }

    private static Overview.Grid grid(GridStatus g) {
        if (g == null) {
            return null;
        }
        return new Overview.Grid(g.binding().orElse(null), g.frequency().map(FrequencyStatus::state).orElse(null),
                g.frequency().map(f -> number(f.hz())).orElse(null), g.peaks().map(PeakStatus::alert).orElse(false),
                g.events().stream().filter(e -> e.state() == GridEventStatus.State.ACTIVE)
                        .map(e -> e.event().name()).toList());
    }

    private static Overview.SiteLease siteLease(SiteLeaseStatus l) {
        return l == null ? null : new Overview.SiteLease(l.state(), number(l.budgetKw()), l.fallbackKw(), l.limitKw(),
                l.expiresAtMillis() == 0 ? null : l.expiresAtMillis(), l.binding(), l.reason());
    }

    private static List<Overview.Guard> guards(ControlStatus status) {
        if (status == null) {
            return List.of();
        }
        return status.verdicts().stream().map(OverviewBuilder::guard).toList();
    }

    private static Overview.Guard guard(Verdict v) {
        return new Overview.Guard(v.guard(), v.limits(), number(v.maxMinerKw()), v.holdWake(), v.reason());
    }

    private static Overview.Cloud cloud(CloudLink.Status s) {
        if (s == null) {
            return new Overview.Cloud(false, false, null, null, null);
        }
        return new Overview.Cloud(true, s.connected(), s.server(), s.backlog(), s.thinned());
    }

    private static Overview.Alarms alarms(List<Alarm> active) {
        int critical = (int) active.stream().filter(a -> a.severity() == Severity.CRITICAL).count();
        int unacknowledged = (int) active.stream().filter(a -> !a.acknowledged()).count();
        return new Overview.Alarms(active.size(), critical, unacknowledged);
    }

    private static Double value(Reading r) {
        return r.good() ? number(r.value()) : null;
    }

    private static String why(Reading r) {
        return r.good() ? null : r.toString();
    }

    /** NaN and infinity have no JSON form: null stands for "not known" or "no limit". */
    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
