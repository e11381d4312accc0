package io.containeredge.control.power;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link BatteryCommand} into the SunSpec point writes that carry it out, in the order to
 * send them. Model 704 (DER controls: a power setpoint in watts) is preferred; model 124 (storage:
 * charge and discharge rates in % of {@code WChaMax}) is the fallback. Every setpoint is written with
 * its reversion timer, and the 802 controller heartbeat follows, so the inverter idles by itself if
 * the gateway stops refreshing them (DESIGN.md, battery inverters).
 *
 * <p>Sign: SunSpec 704 {@code WSet} is positive for power injected into the AC bus, i.e. discharge,
 * negative for charge: the same sign as {@link BatteryCommand#setpointKw()}, in W.
 *
 * <p>Order: the reversion timer goes first and the enabling write last, so no intermediate state of a
 * device that acts on every write runs without a timer or with a half-written setpoint.
 */
public final class SunSpecBatteryWrites {

    /**
     * 124 StorCtl_Mod bits: charge (bit 0) puts InWRte in force, discharge (bit 1) OutWRte. Idle sets
     * both with both rates at 0 %, so the inverter may neither charge nor discharge.
     */
    private static final int STOR_CTL_CHARGE = 1;
    private static final int STOR_CTL_DISCHARGE = 2;
    private static final int ENABLED = 1;
    private static final int WATTS = 1;
    private static final int MAX_REVERSION_S = 0xFFFF;
    /** Enum labels of the points written here, for read-backs that come from the process image. */
    private static final Map<String, Double> LABELS = Map.of("enabled", 1.0, "disabled", 0.0, "watts", 1.0,
            "w_max_pct", 0.0);

    private SunSpecBatteryWrites() {
    }

    /**
     * What the inverter offers, from its discovered points.
     *
     * @param wChaMaxW the 124 reference for charge and discharge rates, W (NaN without 124)
     */
    public record Device(boolean model704, boolean model124, boolean model802, double wChaMaxW) {

        /**
         * @param points the inverter's points by name (process-image values: Number, Boolean, enum
         *     label, or null when not good)
         */
        public static Device of(Map<String, ?> points) {
            double wChaMax = points.get("m124.WChaMax") instanceof Number n ? n.doubleValue() : Double.NaN;
            return new Device(points.containsKey("m704.WSet") && points.containsKey("m704.WSetEna"),
                    points.containsKey("m124.StorCtl_Mod") && wChaMax > 0, points.containsKey("m802.CtrlHb"),
                    wChaMax);
        }
    }

    /** A write whose point read back something else (null: nothing good to read). */
    public record Mismatch(PointWrite write, Object readBack) {
    }

    /**
     * @param reversionS seconds the device holds the setpoint without a new write, 1..65535 (124 keeps
     *     it in a uint16)
     * @param heartbeat this cycle's controller heartbeat, see {@link #nextHeartbeat(int)}
     * @throws IllegalArgumentException if the device offers no setpoint model or the reversion is out of range
     */
    public static List<PointWrite> writes(BatteryCommand cmd, Device device, int reversionS, int heartbeat) {
        if (reversionS < 1 || reversionS > MAX_REVERSION_S) {
            throw new IllegalArgumentException("reversion time must be 1.." + MAX_REVERSION_S + " s: " + reversionS);
        }
        List<PointWrite> w = new ArrayList<>();
        double watts = cmd.setpointKw() * 1000;
        if (device.model704()) {
            w.add(new PointWrite("m704.WSetRvrtTms", reversionS));
            // what the inverter falls back to when the timer fires: an explicit 0 W, not its own default mode
            w.add(new PointWrite("m704.WSetRvrt", 0));
            w.add(new PointWrite("m704.WSetEnaRvrt", ENABLED));
            w.add(new PointWrite("m704.WSetMod", WATTS));
            w.add(new PointWrite("m704.WSet", watts));
            w.add(new PointWrite("m704.WSetEna", ENABLED));
        } else if (device.model124()) {
            double pct = Math.min(100, Math.abs(watts) / device.wChaMaxW() * 100);
            w.add(new PointWrite("m124.InOutWRte_RvrtTms", reversionS));
            w.add(new PointWrite("m124.InWRte", watts < 0 ? pct : 0));
            w.add(new PointWrite("m124.OutWRte", watts > 0 ? pct : 0));
            w.add(new PointWrite("m124.StorCtl_Mod", watts > 0 ? STOR_CTL_DISCHARGE
                    : watts < 0 ? STOR_CTL_CHARGE : STOR_CTL_CHARGE | STOR_CTL_DISCHARGE));
        } else {
            throw new IllegalArgumentException("battery inverter offers neither model 704 nor model 124 setpoints");
        }
        if (device.model802()) {
            w.add(new PointWrite("m802.CtrlHb", heartbeat));
        }
        return w;
    }

    /** The heartbeat after {@code previous}: CtrlHb is a uint16, so it wraps to 0 after 65535. */
    public static int nextHeartbeat(int previous) {
        return (previous + 1) & 0xFFFF;
    }

    /**
     * The writes that did not read back. A value within half a unit or 0.5 % (whichever is larger) of
     * what was written counts as read back: a device stores it at the resolution of its scale factor.
     *
     * @param readBack the device's points after the write, as in {@link Device#of(Map)}
     */
    public static List<Mismatch> verify(List<PointWrite> writes, Map<String, ?> readBack) {
        List<Mismatch> wrong = new ArrayList<>();
        for (PointWrite w : writes) {
            Object r = readBack.get(w.point());
            double v = r instanceof Number n ? n.doubleValue()
                    : r instanceof Boolean b ? (b ? 1 : 0)
                    : r instanceof String s ? LABELS.getOrDefault(s, Double.NaN) : Double.NaN;
            if (!(Math.abs(v - w.value()) <= Math.max(0.5, Math.abs(w.value()) * 0.005))) {
                wrong.add(new Mismatch(w, r));
            }
        }
        return wrong;
    }
}
