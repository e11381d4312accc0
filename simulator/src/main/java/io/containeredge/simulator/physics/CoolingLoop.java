package io.containeredge.simulator.physics;

/**
 * The coolant loop of an immersion container as one lumped thermal mass: miners heat it, dry coolers
 * reject heat to ambient air.
 *
 * <p>Numbers (sized for ~1 MW of miners, see DESIGN.md):
 * <ul>
 *   <li>thermal mass 16 MJ/K: ~9 m3 of dielectric fluid (850 kg/m3, 2.1 kJ/kgK) plus tank and miner
 *       metal. With the pump stopped 840 kW warms it by ~3 K per minute, the "few K per minute" of
 *       a 1 MW tank after a pump loss;</li>
 *   <li>pump: 300 m3/h at 100 % speed, flow proportional to speed (affinity law); the loop's heat
 *       capacity rate m_dot*cp is then ~149 kW/K, so 840 kW gives a miner-side delta T of ~6 K;</li>
 *   <li>dry coolers: UA up to 100 kW/K, 15 % of it with the fans stopped (natural draught), linear in
 *       fan speed; heat rejected = eps * m_dot*cp * (T_return - T_ambient) with the effectiveness
 *       eps = 1 - exp(-UA / m_dot*cp) of a coil whose air side is much larger than its fluid side.
 *       No flow means no rejection: the heat stays in the tank.</li>
 * </ul>
 * State: the supply temperature (the bulk of the loop). Return = supply + P / (m_dot*cp), capped at
 * 15 K for a stagnant loop (local hotspots are not modelled beyond that).
 */
public final class CoolingLoop {

    public static final double THERMAL_MASS_J_PER_K = 16e6;
    public static final double RATED_FLOW_M3H = 300;
    static final double DENSITY = 850;
    static final double CP = 2100;
    static final double UA_MAX_W_PER_K = 100e3;
    static final double UA_FAN_OFF_SHARE = 0.15;
    static final double STAGNANT_DELTA_T = 15;

    private double supplyC;
    private double heatW;
    private double flowM3h;
    private double fanPct;
    private double ambientC;

    public CoolingLoop(double supplyC) {
        this.supplyC = supplyC;
    }

    /** The supply temperature at which the loop is in equilibrium: used to start a simulation warm. */
    public static double steadySupplyC(double heatW, double flowM3h, double fanPct, double ambientC) {
        double c = capacityRate(flowM3h);
        double eps = effectiveness(c, fanPct);
        if (c <= 0 || eps <= 0) {
            return ambientC;
        }
        return ambientC + heatW / (eps * c) - heatW / c;
    }

    /** Advances by dt seconds with the given heat input and actuator states. */
    public void step(double dtSeconds, double heatW, double flowM3h, double fanPct, double ambientC) {
        this.heatW = heatW;
        this.flowM3h = flowM3h;
        this.fanPct = fanPct;
        this.ambientC = ambientC;
        double rejected = rejectedW();
        supplyC += (heatW - rejected) * dtSeconds / THERMAL_MASS_J_PER_K;
    }

    /** Heat the dry coolers reject now, W (negative if ambient is hotter than the coolant). */
    public double rejectedW() {
        double c = capacityRate(flowM3h);
        return effectiveness(c, fanPct) * c * (returnC() - ambientC);
    }

    private static double capacityRate(double flowM3h) {
        return Math.max(0, flowM3h) / 3600.0 * DENSITY * CP;
    }

    private static double effectiveness(double capacityRate, double fanPct) {
        if (capacityRate <= 0) {
            return 0;
        }
        double ua = UA_MAX_W_PER_K * (UA_FAN_OFF_SHARE + (1 - UA_FAN_OFF_SHARE) * clampPct(fanPct) / 100.0);
        return 1 - Math.exp(-ua / capacityRate);
    }

    private static double clampPct(double pct) {
        return Math.max(0, Math.min(100, pct));
    }

    public double supplyC() {
        return supplyC;
    }

    /** Coolant temperature leaving the miners. */
    public double returnC() {
        double c = capacityRate(flowM3h);
        double rise = c > 0 ? heatW / c : STAGNANT_DELTA_T;
        return supplyC + Math.min(STAGNANT_DELTA_T, Math.max(0, rise));
    }

    public double flowM3h() {
        return flowM3h;
    }

    public void setSupplyC(double supplyC) {
        this.supplyC = supplyC;
    }
}
