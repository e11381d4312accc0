package io.containeredge.control.thermal;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.GuardNames;
import io.containeredge.control.api.Reading;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.control.loop.FailSafeHold;
import io.containeredge.control.thermal.ThermalState.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Keeps every cooling loop (one per CDU) inside its limits; the worst loop decides. A pure function of
 * (inputs, config, previous state):
 * <ul>
 * <li>pump stopped, flow below minimum, leak, smoke, CDU fault or supply at the trip threshold:
 *     trip at once (every miner asleep), latched until a person resets it;</li>
 * <li>a needed reading not good: the fail-safe level until all are good again for the hold time;</li>
 * <li>supply at the warning threshold: step miner power down at the configured rate until supply
 *     falls, hold, and release once it is the hysteresis below the threshold;</li>
 * <li>supply below the low limit: miners may not wake.</li>
 * </ul>
 * Each rule looks at every loop: any loop's trip cause trips, any loop's bad reading is bad, the hottest
 * supply governs the warning stage and the coldest the low limit. Rates use the time since the previous
 * cycle on the monotonic clock, never less than zero, so a clock that goes back never raises the limit.
 */
public final class ThermalGuard {

    public static final String NAME = GuardNames.THERMAL;

    private ThermalGuard() {
    }

    /** The guard's decision and its state for the next cycle. */
    public record Outcome(Verdict verdict, ThermalState state, CoolingRequest cooling) {
    }

    public static Outcome evaluate(ContainerInputs in, ControlConfig cfg, ThermalState prev) {
        List<CoolingInputs> loops = in.coolingLoops();
        long now = in.nowMillis();
        List<AlarmCondition> alarms = new ArrayList<>();
        loops.forEach(c -> alarms.addAll(advisories(c, cfg)));
        if (prev.tripped()) {
            alarms.add(tripAlarm(prev.latchReason(), Double.NaN));
            return tripped(prev.latchReason(), prev.lastBadMillis(), now, alarms);
        }
        String trip = tripCause(loops, cfg);
        if (trip != null) {
            alarms.add(tripAlarm(trip, in.cooling().supplyC().value()));
            return tripped(trip, prev.lastBadMillis(), now, alarms);
        }
        Reading bad = firstBad(loops, r -> !r.good());
        // a point not read yet since the start holds the safe level while it is missing, but it is no sign of
        // a flaky input: its first good value is acted on at once, not after the hold (no shed-and-wait at start)
        long lastBad = firstBad(loops, r -> !r.good() && !r.awaited()) != null ? now : prev.lastBadMillis();
        if (bad != null || (prev.stage() == Stage.SAFE && FailSafeHold.running(lastBad, now, cfg.failSafeHold()))) {
            String why = bad != null ? "reading not good: " + bad
                    : "readings good again, holding the safe level until " + cfg.failSafeHold().toSeconds() + " s pass";
            alarms.add(new AlarmCondition("thermal.input-bad", Severity.WARNING,
                    bad != null ? bad.source() : "cooling", "fail-safe level: " + why, Double.NaN));
            Verdict v = new Verdict(NAME, cfg.safeMinerKw(), true, "fail-safe: " + why, alarms);
            return new Outcome(v, new ThermalState(Stage.SAFE, cfg.safeMinerKw(), null, lastBad, now), CoolingRequest.NONE);
        }
        return temperature(in, cfg, prev, lastBad, alarms);
    }

    private static Outcome temperature(ContainerInputs in, ControlConfig cfg, ThermalState prev, long lastBad,
            List<AlarmCondition> alarms) {
        Reading supply = in.cooling().supplyC();
        Reading coldest = in.coolingLoops().stream().map(CoolingInputs::supplyC)
                .min(Comparator.comparingDouble(Reading::value)).orElse(supply);
        long now = in.nowMillis();
        boolean holdWake = coldest.below(cfg.supplyLowC());
        if (holdWake) {
            alarms.add(new AlarmCondition("thermal.supply-low", Severity.WARNING, coldest.source(),
                    "coolant supply below " + cfg.supplyLowC() + " degC: miners held asleep", coldest.value()));
        }
        boolean hot = supply.value() >= cfg.supplyWarningC();
        boolean cooled = supply.value() < cfg.supplyWarningC() - cfg.hysteresisK();
        if (hot || prev.stage() == Stage.WARNING && !cooled) {
            double dtS = prev.lastMillis() == Long.MIN_VALUE ? 0 : Math.max(0, (now - prev.lastMillis()) / 1000.0);
            double from = prev.stage() == Stage.WARNING ? prev.curtailKw() : in.minerKw();
            double limit = hot ? Math.max(0, from - cfg.curtailKwPerS() * dtS) : from;
            alarms.add(new AlarmCondition("thermal.supply-warning", Severity.WARNING, supply.source(),
                    "coolant supply " + supply.value() + " degC at or above warning " + cfg.supplyWarningC(),
                    supply.value()));
            String reason = (hot ? "stepping down: " : "holding until below "
                    + (cfg.supplyWarningC() - cfg.hysteresisK()) + " degC: ") + supply;
            Verdict v = new Verdict(NAME, limit, holdWake, reason, alarms);
            return new Outcome(v, new ThermalState(Stage.WARNING, limit, null, lastBad, now), CoolingRequest.FULL);
        }
        Verdict v = holdWake
                ? new Verdict(NAME, Double.POSITIVE_INFINITY, true, "supply below low limit: " + coldest, alarms)
                : new Verdict(NAME, Double.POSITIVE_INFINITY, false, "normal", alarms);
        return new Outcome(v, new ThermalState(Stage.NORMAL, Double.POSITIVE_INFINITY, null, lastBad, now),
                CoolingRequest.NONE);
    }

    private static Outcome tripped(String reason, long lastBad, long now, List<AlarmCondition> alarms) {
        Verdict v = new Verdict(NAME, 0, true, "tripped (latched): " + reason, alarms);
        return new Outcome(v, new ThermalState(Stage.TRIPPED, 0, reason, lastBad, now), CoolingRequest.FULL);
    }

    /** The first condition of any loop that must shed the container at once, or null. */
    public static String tripCause(List<CoolingInputs> loops, ControlConfig cfg) {
        for (CoolingInputs c : loops) {
            String cause = tripCause(c, cfg);
            if (cause != null) {
                return cause;
            }
        }
        return null;
    }

    private static String tripCause(CoolingInputs c, ControlConfig cfg) {
        if (c.pumpRunning().good() && c.pumpRunning().value() == 0) {
            return "pump stopped (" + c.pumpRunning().source() + ")";
        }
        if (c.flowM3h().below(cfg.minFlowM3h())) {
            return "flow " + c.flowM3h().value() + " m3/h below minimum " + cfg.minFlowM3h();
        }
        if (c.leak().set()) {
            return "leak (" + c.leak().source() + ")";
        }
        if (c.smoke().set()) {
            return "smoke (" + c.smoke().source() + ")";
        }
        if (c.cduFault().set()) {
            return "CDU fault (" + c.cduFault().source() + ")";
        }
        if (c.supplyC().good() && c.supplyC().value() >= cfg.supplyTripC()) {
            return "coolant supply " + c.supplyC().value() + " degC at or above trip " + cfg.supplyTripC();
        }
        return null;
    }

    /** The first reading the guard cannot do without ({@link CoolingInputs#needed}), of every loop, that matches. */
    private static Reading firstBad(List<CoolingInputs> loops, Predicate<Reading> bad) {
        for (CoolingInputs c : loops) {
            for (Reading r : c.needed()) {
                if (bad.test(r)) {
                    return r;
                }
            }
        }
        return null;
    }

    private static List<AlarmCondition> advisories(CoolingInputs c, ControlConfig cfg) {
        List<AlarmCondition> alarms = new ArrayList<>();
        if (c.levelLow().set()) {
            alarms.add(new AlarmCondition("thermal.level-low", Severity.WARNING, c.levelLow().source(),
                    "coolant tank level low", Double.NaN));
        }
        if (c.supplyC().good() && c.returnC().good() && c.returnC().value() - c.supplyC().value() > cfg.deltaTWarningK()) {
            double dt = c.returnC().value() - c.supplyC().value();
            alarms.add(new AlarmCondition("thermal.delta-t", Severity.WARNING, c.returnC().source(),
                    "return - supply = " + Math.round(dt * 10) / 10.0 + " K: flow trouble", dt));
        }
        return alarms;
    }

    private static AlarmCondition tripAlarm(String reason, double reading) {
        return new AlarmCondition("thermal.trip", Severity.CRITICAL, "cooling", "thermal trip: " + reason, reading);
    }

    /**
     * A person's reset of a latched trip. Refused (state unchanged) while the cause is still present,
     * so a reset can never lift a trip that would re-trip at once.
     *
     * @return the new state, or the previous one if the reset is refused
     */
    public static ThermalState reset(ThermalState prev, List<CoolingInputs> now, ControlConfig cfg) {
        if (!prev.tripped() || tripCause(now, cfg) != null || firstBad(now, r -> !r.good()) != null) {
            return prev;
        }
        return new ThermalState(Stage.NORMAL, Double.POSITIVE_INFINITY, null, prev.lastBadMillis(), prev.lastMillis());
    }
}
