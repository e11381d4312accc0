package io.containeredge.control.power;

import static io.containeredge.control.power.BatteryDispatch.kw;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.Reading;
import java.util.List;

/**
 * How much battery discharge the miners may count on: what the inverter delivers, not what it was told.
 * An inverter may accept a setpoint and deliver less (BMS derate, fault, a refused write); counting the
 * command then would leave the import over its limit for as long as that lasts. So the command is trusted
 * while the battery follows it, and for the follow time after it falls short (an inverter ramps, and its
 * power is read a little after the meter). After that the battery is not following: the miners are shed
 * for what it really delivers and an alarm says so, until it shows again that it delivers a setpoint it
 * was given. A battery power reading that is not good counts as delivering nothing.
 */
final class BatteryFollow {

    static final String ALARM = "power.battery-not-following";
    /**
     * A shortfall within this (plus {@link #TOLERANCE_SHARE} of the command) is following: the actuator does
     * not write changes under 1 kW, and an inverter's accuracy is a percent or two.
     */
    static final double TOLERANCE_KW = 1;
    static final double TOLERANCE_SHARE = 0.02;
    /** A battery that is not following shows it follows again by delivering at least this, as commanded. */
    static final double SHOWN_KW = 10;

    private BatteryFollow() {
    }

    /**
     * @param creditKw the battery output the miners' budget counts on, + discharge
     * @param shortSinceMillis when the battery began falling short of its command, MIN_VALUE while it follows
     * @param alarms the not-following alarm, while the battery is not following
     */
    record Credit(double creditKw, long shortSinceMillis, List<AlarmCondition> alarms) {
    }

    /**
     * @param measured the battery's AC power reading, + discharge
     * @param lastSetpointKw the setpoint commanded last cycle, which the reading should show by now
     * @param setpointKw the setpoint commanded this cycle
     * @param present whether the guard dispatches the battery at all
     * @param shortSinceMillis the previous cycle's {@link Credit#shortSinceMillis}
     */
    static Credit credit(Reading measured, double lastSetpointKw, double setpointKw, boolean present,
            long shortSinceMillis, long now, PowerConfig cfg) {
        if (!measured.good()) {
            return new Credit(0, shortSinceMillis, List.of());
        }
        double deliveredKw = measured.value();
        if (!present) {
            // not dispatched (none, in maintenance): whatever it does by itself, never more than nothing
            return new Credit(Math.min(setpointKw, deliveredKw), shortSinceMillis, List.of());
        }
        long followMillis = cfg.batteryFollowTime().toMillis();
        boolean follows = lastSetpointKw - deliveredKw <= TOLERANCE_KW + TOLERANCE_SHARE * Math.abs(lastSetpointKw);
        long since;
        if (shortSinceMillis != Long.MIN_VALUE && now - shortSinceMillis >= followMillis) {
            // not following: delivering nothing when asked for little shows nothing; it must deliver power
            // the way it was told to
            boolean shown = follows && Math.abs(deliveredKw) >= SHOWN_KW
                    && Math.signum(deliveredKw) == Math.signum(lastSetpointKw);
            since = shown ? Long.MIN_VALUE : shortSinceMillis;
        } else {
            since = follows ? Long.MIN_VALUE : shortSinceMillis == Long.MIN_VALUE ? now : shortSinceMillis;
        }
        if (since == Long.MIN_VALUE || now - since < followMillis) {
            return new Credit(setpointKw, since, List.of());
        }
        AlarmCondition alarm = new AlarmCondition(ALARM, Severity.WARNING, measured.source(),
                "battery not following its setpoint for " + Math.round((now - since) / 1000.0) + " s (delivers "
                        + kw(deliveredKw) + " kW, commanded " + kw(lastSetpointKw)
                        + " kW): miners shed for what it delivers", deliveredKw);
        return new Credit(Math.min(setpointKw, deliveredKw), since, List.of(alarm));
    }
}
