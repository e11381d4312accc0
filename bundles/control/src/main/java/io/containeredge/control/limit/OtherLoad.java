package io.containeredge.control.limit;

import io.containeredge.control.api.Reading;
import io.containeredge.control.loop.ContainerInputs;

/**
 * What the container draws beside its controllable loads (cooling, auxiliaries, the battery, less PV), estimated from
 * the import meter: the import less what the running loads draw and less what units leaving draw on their way down
 * ({@link ContainerInputs#leavingKw}: a miner going to sleep is not other load, or every sleep command would raise
 * the estimate for the sleep's seconds and shed more miners than the level needs). The soft sources that hold the
 * container's import to a level (grid events, peak windows, the site lease) turn that level into a limit on the
 * loads with it.
 *
 * <p>While the import reading is not good, the last good estimate stands (the power guard's own fail-safe governs the
 * hard side); before any good reading it counts as nothing, which leaves the loads the most. One per source, updated
 * on the cycle thread; the rig's container agents feed it their simulated readings the same way.
 */
public final class OtherLoad {

    /** Whether the battery's charging is part of the other load. */
    public enum Charging {
        /** It is: whatever the battery does, the import stays at the level. */
        COUNTED,
        /** It is not: the source stops the battery charging while it holds the import (the grid events). */
        LEFT_OUT
    }

    private final Charging charging;
    private double kw;

    public OtherLoad(Charging charging) {
        this.charging = charging;
    }

    /** Takes one cycle's inputs: the import meter, the loads' draw and the battery. @return the estimate */
    public double observe(ContainerInputs in) {
        Reading battery = in.power().batteryKw();
        double chargingKw = battery.good() ? Math.max(0, -battery.value()) : 0;
        return observe(in.power().importKw(), in.minerKw() + in.leavingKw(), chargingKw);
    }

    /**
     * @param importKw the container's import reading
     * @param loadsKw what the controllable loads draw now
     * @param chargingKw what the battery charges with now (0 when it discharges or has no good reading)
     * @return the estimate: from this reading when it is good, else the last good one
     */
    public double observe(Reading importKw, double loadsKw, double chargingKw) {
        if (importKw.good()) {
            kw = importKw.value() - loadsKw - (charging == Charging.LEFT_OUT ? chargingKw : 0);
        }
        return kw;
    }

    /** The last estimate, kW. */
    public double kw() {
        return kw;
    }

    /** The most the controllable loads may draw for the import to stay at {@code importLimitKw}. */
    public double loadLimitKw(double importLimitKw) {
        return loadLimitKw(importLimitKw, kw);
    }

    /** The most the controllable loads may draw for the import to stay at {@code importLimitKw} beside {@code otherKw}. */
    public static double loadLimitKw(double importLimitKw, double otherKw) {
        return Math.max(0, importLimitKw - otherKw);
    }
}
