package io.containeredge.control.actuators;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.loop.LogThrottle;
import io.containeredge.control.power.PointWrite;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps one PV inverter's output over SunSpec 704 ({@code WMaxLimPct}, % of its rating), always with a reversion
 * time, so a gateway that stops refreshing leaves the inverter at the fallback written with the cap (the export
 * limit: without the gateway nobody knows the load, so the worst case, none, is assumed). Writes when the cap
 * changes and again well before the reversion runs out; a released cap is written disabled once. Every write is
 * read back and a mismatch is an alarm, as {@link BatteryActuator} does.
 */
public final class PvActuator {

    private static final Logger LOG = LoggerFactory.getLogger(PvActuator.class);
    public static final int REVERSION_S = 60;
    private static final long REFRESH_MILLIS = 15_000;
    /** Below the 704 resolution of most inverters (WMaxLimPct_SF -1 or 0) a change is not worth a write. */
    private static final double CHANGE_PCT = 0.5;
    private static final int ENABLED = 1;
    private static final int DISABLED = 0;

    private final String device;
    private double lastPct = Double.NaN;
    private long lastWriteMillis = Long.MIN_VALUE;
    private boolean commanded;
    /** The reversion timer counts down by itself; the cap, its fallback and its enable must read back. */
    private final ReadBackWrites sent;
    private final LogThrottle logs = new LogThrottle(LogThrottle.DEFAULT_INTERVAL);

    public PvActuator(String device, DeviceWriter writer) {
        this.device = device;
        this.sent = new ReadBackWrites(device, writer, "pv", "PV cap", Set.of("m704.WMaxLimPctRvrtTms"));
    }

    public String device() {
        return device;
    }

    /**
     * Sends the cap when it changed or is due for a refresh, and checks the last write.
     *
     * @param capPct the cap, % of the rating; NaN: released
     * @param fallbackPct what the inverter returns to when the reversion time runs out
     * @return write failures and caps that did not read back; a missing model 704 while a cap is wanted
     */
    public List<AlarmCondition> apply(double capPct, double fallbackPct, Snapshot s, long now) {
        Map<String, Object> points = ReadBackWrites.goodPoints(s, device);
        if (!points.containsKey("m704.WMaxLimPct") || !points.containsKey("m704.WMaxLimPctEna")) {
            return Double.isNaN(capPct) ? List.of() : List.of(new AlarmCondition("pv.no-limit", Severity.WARNING,
                    device, "PV inverter offers no 704 WMaxLimPct: its export cannot be limited", Double.NaN));
        }
        if (Double.isNaN(capPct)) {
            if (commanded) {
                sent.send(List.of(new PointWrite("m704.WMaxLimPctEna", DISABLED)), now);
                LOG.info("PV cap on {} released", device);
            }
            commanded = false;
            lastPct = Double.NaN;
            return sent.check(points, now);
        }
        double pct = Math.max(0, Math.min(100, capPct));
        boolean changed = Double.isNaN(lastPct) || Math.abs(pct - lastPct) >= CHANGE_PCT;
        if (!changed && now - lastWriteMillis < REFRESH_MILLIS) {
            return sent.check(points, now);
        }
        List<PointWrite> writes = new ArrayList<>();
        // the timer and the fallback first, the enabling write last: no moment runs without a reversion
        writes.add(new PointWrite("m704.WMaxLimPctRvrtTms", REVERSION_S));
        writes.add(new PointWrite("m704.WMaxLimPctRvrt", fallbackPct));
        writes.add(new PointWrite("m704.WMaxLimPctEnaRvrt", fallbackPct < 100 ? ENABLED : DISABLED));
        writes.add(new PointWrite("m704.WMaxLimPct", pct));
        writes.add(new PointWrite("m704.WMaxLimPctEna", ENABLED));
        lastWriteMillis = now;
        sent.send(writes, now);
        if (changed && logs.admit("cap", Math.signum(pct - (Double.isNaN(lastPct) ? 100 : lastPct)), now) >= 0) {
            LOG.info("PV cap on {}: {} % of rating", device, Math.round(pct * 10) / 10.0);
        }
        lastPct = pct;
        commanded = true;
        return sent.check(points, now);
    }

    /**
     * The cap the inverter reads as in force, % of its rating; NaN when it runs free, does not say, or is capped
     * within {@link #CHANGE_PCT} of its rating (that limits nothing: a released cap stood there, and its last
     * read before the release reads back is no cap to start from again). A cap the gateway did not write this run
     * (one from before a restart, a reversion's fallback after maintenance) is still in force: the limiter starts
     * from it.
     */
    public double capInForcePct(Snapshot s) {
        PointValue enabled = s.get(device, "m704.WMaxLimPctEna");
        PointValue pct = s.get(device, "m704.WMaxLimPct");
        boolean on = enabled.quality() == Quality.GOOD && ("enabled".equals(enabled.value())
                || enabled.value() instanceof Number n && n.intValue() == ENABLED);
        boolean limiting = pct.quality() == Quality.GOOD && pct.value() instanceof Number n
                && n.doubleValue() < 100 - CHANGE_PCT;
        return on && limiting ? ((Number) pct.value()).doubleValue() : Double.NaN;
    }

    /**
     * Stops commanding the inverter (it is in maintenance): it falls back when the reversion runs out. Forgets the
     * last cap, so that the first cycle after maintenance writes at once and no stale read-back alarms.
     */
    public List<AlarmCondition> standDown() {
        lastPct = Double.NaN;
        lastWriteMillis = Long.MIN_VALUE;
        commanded = false;
        sent.forget();
        return List.of();
    }
}
