package io.containeredge.control.power;

import static io.containeredge.control.power.BatteryDispatch.kw;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.GuardNames;
import io.containeredge.control.api.Reading;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.loop.FailSafeHold;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the container's import under what the transformer and the grid allow. A pure function of
 * (inputs, config, previous state), in this order each cycle:
 * <ol>
 * <li>allowed import = min(rating x pf, import cap or an unexpired override), lowered further while
 *     the winding hot spot is above its continuous limit: stepped down slowly, fast above the emergency
 *     limit or once the emergency budget is spent, held until the hot spot is the hysteresis under the
 *     limit, then released at the recovery rate;</li>
 * <li>the battery covers an import above it first, and recharges from headroom;</li>
 * <li>the miners take what is left: their limit = their draw - the remaining excess, counting the battery's
 *     command only while it delivers it ({@link BatteryFollow}). It steps down at
 *     the curtail rate, faster if needed to reach the target within {@code capFixTime} of the import
 *     exceeding the rating or cap, and rises at the recovery rate only;</li>
 * <li>an import reading that is not good: the safe miner level and an idle battery, until the reading
 *     has been good for the hold time.</li>
 * </ol>
 */
public final class PowerGuard {

    public static final String NAME = GuardNames.POWER;

    private PowerGuard() {
    }

    /**
     * The guard's decision and its state for the next cycle.
     *
     * @param allowedImportKw the import allowed this cycle (NaN in the fail-safe state)
     * @param hotSpotC the hot spot acted on
     */
    public record Outcome(Verdict verdict, BatteryCommand battery, PowerState state, double allowedImportKw,
            double hotSpotC) {
    }

    public static Outcome evaluate(ContainerInputs in, PowerConfig cfg, PowerState prev) {
        PowerInputs p = in.power();
        long now = in.nowMillis();
        double dtS = prev.lastMillis() == Long.MIN_VALUE ? 0 : Math.max(0, (now - prev.lastMillis()) / 1000.0);
        Reading imp = p.importKw();
        // with the import unknown the model runs at the rated load: miners are at the safe level then,
        // so only a firm load above the rating could make the real load higher
        HotSpot hot = HotSpot.assess(p, cfg, prev.transformer(), imp.good() ? cfg.loadPu(imp.value()) : 1.0, dtS);
        List<AlarmCondition> alarms = new ArrayList<>();
        boolean over = hot.celsius() > cfg.hotSpotLimitC();
        double budgetS = seconds(cfg.emergencyBudget().toMillis());
        double used = over ? prev.emergencyUsedS() + dtS
                : Math.max(0, prev.emergencyUsedS() - dtS * budgetS / seconds(cfg.emergencyWindow().toMillis()));
        boolean emergency = hot.celsius() > cfg.hotSpotEmergencyC() || over && used >= budgetS;
        hotSpotAlarms(hot, cfg, used, alarms);

        // an import not read yet since the start is the safe level, but starts no hold (see ThermalGuard)
        long lastBad = imp.good() || imp.awaited() ? prev.lastBadMillis() : now;
        if (!imp.good() || prev.safe() && FailSafeHold.running(lastBad, now, cfg.failSafeHold())) {
            String why = !imp.good() ? "import reading not good: " + imp
                    : "import reading good again, safe level held until it has been good for "
                            + cfg.failSafeHold().toSeconds() + " s";
            alarms.add(new AlarmCondition("power.input-bad", Severity.WARNING, imp.source(),
                    "fail-safe level: " + why, Double.NaN));
            Verdict v = new Verdict(NAME, cfg.safeMinerKw(), true, "fail-safe: " + why, alarms);
            PowerState s = new PowerState(hot.model(), prev.thermalAllowedKw(), used, cfg.safeMinerKw(), 0, true,
                    lastBad, Long.MIN_VALUE, now, Long.MIN_VALUE);
            return new Outcome(v, BatteryCommand.idle("fail-safe: " + why), s, Double.NaN, hot.celsius());
        }

        double importKw = imp.value();
        CapOverride o = cfg.capOverride();
        boolean overridden = o != null && o.activeAt(now);
        double capKw = overridden ? o.capKw() : cfg.importCapKw();
        boolean ratingBinds = cfg.ratingKw() <= capKw;
        double hardKw = Math.min(cfg.ratingKw(), capKw);
        String hardWhy = ratingBinds
                ? "transformer rating " + kw(cfg.transformer().ratedKva()) + " kVA x pf " + cfg.powerFactor()
                        + " = " + kw(hardKw) + " kW"
                : overridden ? "import cap override " + kw(capKw) + " kW (" + o.source() + ", until t="
                        + o.expiresAtMillis() + " ms)" : "import cap " + kw(capKw) + " kW";

        double thermalKw = thermalAllowed(prev.thermalAllowedKw(), hot.celsius(), emergency, importKw, hardKw, cfg, dtS);
        boolean thermalBinds = thermalKw < hardKw;
        double allowedKw = Math.min(hardKw, thermalKw);
        String allowedWhy = thermalBinds ? "hot-spot reduction to " + kw(thermalKw) + " kW (" + hot.source() + ")"
                : hardWhy;
        if (importKw > allowedKw) {
            alarms.add(new AlarmCondition("power.over-limit", Severity.WARNING, imp.source(),
                    "import " + kw(importKw) + " kW over " + allowedWhy, importKw));
        }
        long overrunSince = importKw <= hardKw ? Long.MIN_VALUE
                : prev.overrunSinceMillis() == Long.MIN_VALUE ? now : prev.overrunSinceMillis();

        double loadKw = BatteryDispatch.loadKw(p, prev.batteryKw());
        BatteryCommand battery = BatteryDispatch.slew(BatteryDispatch.decide(p, cfg.battery(), loadKw, allowedKw,
                allowedWhy, prev.batteryKw(), alarms), prev.batteryKw(), cfg.curtailKwPerS() * dtS);
        BatteryFollow.Credit delivered = BatteryFollow.credit(p.batteryKw(), prev.batteryKw(), battery.setpointKw(),
                cfg.battery().present(), prev.batteryShortSinceMillis(), now, cfg);
        alarms.addAll(delivered.alarms());
        double excessKw = loadKw - delivered.creditKw() - allowedKw;
        double targetKw = Math.max(0, in.minerKw() - excessKw);
        double limitKw = minerLimit(prev.minerLimitKw(), targetKw, in.minerKw(), overrunSince, now, cfg, dtS);

        String reason = (excessKw > 0 ? "miners shed " + kw(excessKw) + " kW: load " + kw(loadKw) + " kW over " + allowedWhy
                : importKw > allowedKw ? "import " + kw(importKw) + " kW over " + allowedWhy + ": the battery covers it"
                : "import " + kw(importKw) + " kW within " + allowedWhy + ", headroom " + kw(-excessKw) + " kW")
                + (battery.setpointKw() != 0 ? ", battery " + kw(battery.setpointKw()) + " kW" : "")
                + (delivered.alarms().isEmpty() ? "" : ", counted as delivering " + kw(delivered.creditKw()) + " kW")
                + (limitKw != targetKw ? ", rate-limited towards " + kw(targetKw) + " kW" : "");
        Verdict v = new Verdict(NAME, limitKw, false, reason, alarms);
        PowerState s = new PowerState(hot.model(), thermalKw, used, limitKw, battery.setpointKw(), false, lastBad,
                overrunSince, now, delivered.shortSinceMillis());
        return new Outcome(v, battery, s, allowedKw, hot.celsius());
    }

    /**
     * The import the hot spot allows. A reduction starts from the present import (not the rating, far
     * above it) so the first step already lowers load; it only falls while the hot spot is over the
     * limit and is given back gradually, so the winding is not cycled hot and cold.
     */
    private static double thermalAllowed(double prevKw, double hotSpotC, boolean emergency, double importKw,
            double hardKw, PowerConfig cfg, double dtS) {
        if (hotSpotC > cfg.hotSpotLimitC()) {
            double rate = emergency ? cfg.emergencyDerateKwPerS() : cfg.thermalDerateKwPerS();
            return Math.max(0, Math.min(prevKw, Math.max(0, importKw)) - rate * dtS);
        }
        if (prevKw == Double.POSITIVE_INFINITY || hotSpotC >= cfg.hotSpotLimitC() - cfg.hotSpotHysteresisK()) {
            return prevKw;
        }
        double released = prevKw + cfg.recoverKwPerS() * dtS;
        return released >= hardKw ? Double.POSITIVE_INFINITY : released;
    }

    /**
     * Moves the miner limit towards the target. Downward it starts from what the miners draw now (a
     * limit above the draw sheds nothing) and steps at the curtail rate; while the import is above the
     * rating or cap, fast enough to arrive by {@code capFixTime} after the overrun began. Upward only at
     * the recovery rate, whatever the target, so load comes back as a ramp.
     */
    private static double minerLimit(double lastKw, double targetKw, double minerKw, long overrunSince, long now,
            PowerConfig cfg, double dtS) {
        if (targetKw >= lastKw) {
            return Math.min(targetKw, lastKw + cfg.recoverKwPerS() * dtS);
        }
        double fromKw = Math.min(lastKw, minerKw);
        if (targetKw >= fromKw) {
            return targetKw;
        }
        double step = cfg.curtailKwPerS() * dtS;
        if (overrunSince != Long.MIN_VALUE) {
            double leftS = seconds(cfg.capFixTime().toMillis() - (now - overrunSince));
            step = leftS <= dtS ? Double.POSITIVE_INFINITY : Math.max(step, (fromKw - targetKw) * dtS / leftS);
        }
        return Math.max(targetKw, fromKw - step);
    }

    private static void hotSpotAlarms(HotSpot hot, PowerConfig cfg, double usedS, List<AlarmCondition> alarms) {
        double c = hot.celsius();
        if (c > cfg.hotSpotEmergencyC()) {
            alarms.add(new AlarmCondition("power.hot-spot", Severity.CRITICAL, hot.source(), "hot spot "
                    + HotSpot.round(c) + " degC above emergency limit " + cfg.hotSpotEmergencyC(), c));
        } else if (c > cfg.hotSpotLimitC()) {
            alarms.add(new AlarmCondition("power.hot-spot", Severity.WARNING, hot.source(), "hot spot "
                    + HotSpot.round(c) + " degC above continuous limit " + cfg.hotSpotLimitC() + ", emergency budget "
                    + Math.round(usedS) + " of " + cfg.emergencyBudget().toSeconds() + " s used", c));
        }
        if (hot.statusAlarm() != null) {
            alarms.add(hot.statusAlarm());
        }
        if (!hot.measured()) {
            alarms.add(new AlarmCondition("power.hot-spot-modelled", Severity.INFO, hot.source(),
                    "no good winding reading: acting on the modelled hot spot " + HotSpot.round(c) + " degC", c));
        }
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
