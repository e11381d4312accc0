package io.containeredge.control.actuators;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.loop.LogThrottle;
import io.containeredge.control.power.BatteryCommand;
import io.containeredge.control.power.BatteryLimits;
import io.containeredge.control.power.PointWrite;
import io.containeredge.control.power.SunSpecBatteryWrites;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.modbus.image.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the power guard's battery setpoint over SunSpec (704 preferred, 124 otherwise), always with a
 * reversion time and the 802 controller heartbeat, so the inverter returns to idle by itself if the
 * gateway stops. Writes when the setpoint changes and again well before the reversion time runs out;
 * every write is read back and a mismatch is an alarm.
 */
public final class BatteryActuator {

    private static final Logger LOG = LoggerFactory.getLogger(BatteryActuator.class);
    public static final int REVERSION_S = 60;
    private static final long REFRESH_MILLIS = 15_000;
    private static final double CHANGE_KW = 1.0;

    private final String device;
    private int heartbeat;
    private double lastSetpointKw = Double.NaN;
    private long lastWriteMillis = Long.MIN_VALUE;
    /** The heartbeat counts by itself; only the setpoint must read back. */
    private final ReadBackWrites sent;
    /** A ramp changes the setpoint every cycle: a line when it turns (charge, idle, discharge), a few a minute else. */
    private final LogThrottle logs = new LogThrottle(LogThrottle.DEFAULT_INTERVAL);

    /**
     * What the actuator did in one cycle.
     *
     * @param commandedKw the setpoint in force by the controller's writes, + discharge (as
     *     {@link BatteryCommand#setpointKw()}): the one written this cycle or the last one written and
     *     being refreshed; NaN when it commands nothing (no battery, no setpoint model readable, in
     *     maintenance)
     * @param alarms write failures and setpoints that did not read back
     */
    public record Outcome(double commandedKw, List<AlarmCondition> alarms) {

        static Outcome nothingCommanded(List<AlarmCondition> alarms) {
            return new Outcome(Double.NaN, alarms);
        }
    }

    public BatteryActuator(String device, DeviceWriter writer) {
        this.device = device;
        this.sent = new ReadBackWrites(device, writer, "battery", "battery setpoint", Set.of("m802.CtrlHb"));
    }

    /** The battery's limits as it reports them (802), or none when it cannot be used. */
    public BatteryLimits limits(Snapshot s) {
        if (device == null) {
            return BatteryLimits.none();
        }
        double charge = s.get(device, "m802.WChaRteMax").asDouble();
        double discharge = s.get(device, "m802.WDisChaRteMax").asDouble();
        if (!(charge > 0) || !(discharge > 0)) {
            return BatteryLimits.none();
        }
        return BatteryLimits.of(Math.min(charge, discharge) / 1000);
    }

    /** Sends the command when it changed or is due for a refresh, and checks the last write. */
    public Outcome apply(BatteryCommand command, Snapshot s, long now) {
        if (device == null) {
            return Outcome.nothingCommanded(List.of());
        }
        Map<String, Object> points = ReadBackWrites.goodPoints(s, device);
        SunSpecBatteryWrites.Device inverter = SunSpecBatteryWrites.Device.of(points);
        if (!inverter.model704() && !inverter.model124()) {
            return Outcome.nothingCommanded(sent.check(points, now));
        }
        boolean changed = Double.isNaN(lastSetpointKw) || Math.abs(command.setpointKw() - lastSetpointKw) >= CHANGE_KW;
        if (!changed && now - lastWriteMillis < REFRESH_MILLIS) {
            // a change under CHANGE_KW is not written: the last setpoint stays the one in force
            return new Outcome(lastSetpointKw, sent.check(points, now));
        }
        heartbeat = SunSpecBatteryWrites.nextHeartbeat(heartbeat);
        List<PointWrite> writes = SunSpecBatteryWrites.writes(command, inverter, REVERSION_S, heartbeat);
        lastSetpointKw = command.setpointKw();
        lastWriteMillis = now;
        sent.send(writes, now);
        long held = changed ? logs.admit("setpoint", Math.signum(command.setpointKw()), now) : -1;
        if (held >= 0) {
            LOG.info("battery setpoint {} kW: {}{}", command.setpointKw(), command.reason(), LogThrottle.heldBack(held));
        }
        return new Outcome(lastSetpointKw, sent.check(points, now));
    }

    /**
     * Stops commanding the inverter (it is in maintenance): nothing is written, so it returns to its
     * own default when the reversion time of the last setpoint runs out. Forgets the last setpoint and
     * write, so that the first cycle after maintenance writes at once and no stale read-back alarms.
     *
     * @return nothing commanded and no alarm conditions
     */
    public Outcome standDown() {
        lastSetpointKw = Double.NaN;
        lastWriteMillis = Long.MIN_VALUE;
        sent.forget();
        return Outcome.nothingCommanded(List.of());
    }

}
