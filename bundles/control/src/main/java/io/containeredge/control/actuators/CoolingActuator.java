package io.containeredge.control.actuators;

import io.containeredge.control.thermal.CoolingRequest;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the CDU's pump and fan setpoints when the thermal guard asks, never lowers them: cooling
 * is only ever added by the controller. Writes at most once per interval per setpoint.
 */
public final class CoolingActuator {

    private static final Logger LOG = LoggerFactory.getLogger(CoolingActuator.class);
    private static final long REWRITE_MILLIS = 5_000;

    private final String cdu;
    private final DeviceWriter writer;
    private long lastPumpWrite = Long.MIN_VALUE;
    private long lastFanWrite = Long.MIN_VALUE;

    public CoolingActuator(String cdu, DeviceWriter writer) {
        this.cdu = cdu;
        this.writer = writer;
    }

    public String device() {
        return cdu;
    }

    public void raise(CoolingRequest request, Snapshot s, long now) {
        if (!request.any()) {
            return;
        }
        if (needs(s, "pump_speed_setpoint", request.pumpMinPct()) && due(lastPumpWrite, now)) {
            lastPumpWrite = now;
            write("pump_speed_setpoint", request.pumpMinPct());
        }
        if (needs(s, "fan_speed_setpoint", request.fanMinPct()) && due(lastFanWrite, now)) {
            lastFanWrite = now;
            write("fan_speed_setpoint", request.fanMinPct());
        }
    }

    /** Never written counts as due: {@code now - Long.MIN_VALUE} would overflow to a negative age. */
    private static boolean due(long lastWrite, long now) {
        return lastWrite == Long.MIN_VALUE || now - lastWrite >= REWRITE_MILLIS;
    }

    /** A setpoint below the request, or one we cannot read, is raised; a higher one is left alone. */
    private boolean needs(Snapshot s, String point, double minPct) {
        if (Double.isNaN(minPct)) {
            return false;
        }
        PointValue v = s.get(cdu, point);
        return v.quality() != Quality.GOOD || v.asDouble() < minPct;
    }

    private void write(String point, double pct) {
        LOG.info("raising {}/{} to {} %", cdu, point, pct);
        writer.write(cdu, point, pct).exceptionally(e -> {
            LOG.warn("could not raise {}/{}: {}", cdu, point, e.getMessage());
            return null;
        });
    }
}
