package io.containeredge.simulator.physics;

/**
 * A battery energy storage system behind a SunSpec inverter. Follows a power command (positive =
 * discharge into the container bus, negative = charge) limited by its ratings and its state of charge,
 * and falls back to idle by itself when the command's reversion timer runs out without a new write:
 * the safe behaviour DESIGN.md requires if the gateway dies.
 *
 * <p>Ratings: charge and discharge up to 0.5 C (250 kW for 500 kWh), 97 % one-way efficiency,
 * operating window 5..100 % SoC.
 */
public final class Battery {

    static final double C_RATE = 0.5;
    static final double EFFICIENCY = 0.97;
    public static final double SOC_MIN_PCT = 5;
    public static final double SOC_MAX_PCT = 100;

    private final double capacityKwh;
    private double socPct;
    private double commandKw;
    private double reversionRemainingS;
    private double powerKw;
    private long heartbeat;
    private double heartbeatClockS;
    private int reversions;
    private boolean stuck;

    public Battery(double capacityKwh, double initialSocPct) {
        this.capacityKwh = capacityKwh;
        this.socPct = Math.max(0, Math.min(100, initialSocPct));
    }

    /**
     * A new setpoint. {@code reversionSeconds} &gt; 0 arms the reversion timer; 0 means the command
     * holds until replaced (a controller that never sets a timer gets no fallback, as on real devices).
     */
    public void command(double kw, double reversionSeconds) {
        commandKw = Double.isNaN(kw) ? 0 : Math.max(-maxChargeKw(), Math.min(maxDischargeKw(), kw));
        reversionRemainingS = Math.max(0, reversionSeconds);
    }

    /**
     * A stuck inverter (the {@code battery-stuck} fault: BMS derate, internal fault) accepts and keeps every
     * setpoint, reversion timers included, but delivers nothing, and its measurements show that.
     */
    public void setStuck(boolean stuck) {
        this.stuck = stuck;
    }

    public void idle() {
        commandKw = 0;
        reversionRemainingS = 0;
    }

    public void step(double dt) {
        heartbeatClockS += dt;
        while (heartbeatClockS >= 1) {
            heartbeatClockS -= 1;
            heartbeat = (heartbeat + 1) & 0xFFFF;
        }
        if (reversionRemainingS > 0) {
            reversionRemainingS -= dt;
            if (reversionRemainingS <= 0) {
                reversionRemainingS = 0;
                if (commandKw != 0) {
                    reversions++;
                }
                commandKw = 0;
            }
        }
        double p = commandKw;
        if (stuck || p > 0 && socPct <= SOC_MIN_PCT || p < 0 && socPct >= SOC_MAX_PCT) {
            p = 0;
        }
        powerKw = p;
        double energyKwh = p > 0 ? p / EFFICIENCY : p * EFFICIENCY;
        socPct -= 100.0 * energyKwh * dt / 3600.0 / capacityKwh;
        socPct = Math.max(0, Math.min(100, socPct));
    }

    public double maxChargeKw() {
        return capacityKwh * C_RATE;
    }

    public double maxDischargeKw() {
        return capacityKwh * C_RATE;
    }

    /** Actual power now, kW: positive = discharging. */
    public double powerKw() {
        return powerKw;
    }

    public double commandKw() {
        return commandKw;
    }

    public double socPct() {
        return socPct;
    }

    public double capacityKwh() {
        return capacityKwh;
    }

    /** Seconds until the present command reverts to idle, 0 if no timer runs. */
    public double reversionRemainingS() {
        return reversionRemainingS;
    }

    /** How many times a command expired: lets tests see the fallback happened. */
    public int reversions() {
        return reversions;
    }

    /** The battery's own heartbeat (802 Hb), +1 per second. */
    public long heartbeat() {
        return heartbeat;
    }

    public String chargeState() {
        if (powerKw > 0.01) {
            return "discharging";
        }
        if (powerKw < -0.01) {
            return "charging";
        }
        if (socPct >= SOC_MAX_PCT - 0.01) {
            return "full";
        }
        return socPct <= SOC_MIN_PCT ? "empty" : "holding";
    }
}
