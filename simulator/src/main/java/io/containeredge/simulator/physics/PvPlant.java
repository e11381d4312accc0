package io.containeredge.simulator.physics;

import io.containeredge.site.api.PvPlantSettings;
import java.util.Random;

/**
 * A PV plant behind the container's import meter. Its AC output is
 * <pre>
 *   clear-sky kW = rated kW * max(0, sin(elevation)) ^ 1.2        ({@link #clearSkyKw})
 *   output kW    = clear-sky kW * haze * (1 - cloud fraction)
 * </pre>
 * The exponent 1.2 stands for the longer path through the air (and the steeper angle on fixed-tilt panels) at a
 * low sun: output falls off faster than the sine near sunrise and sunset. {@code haze} is small seeded noise,
 * a slow random walk between 0.94 and 1 (thin passing haze, never a whole cloud); the cloud fraction is the
 * {@code cloud} fault's, 0 without one. The noise has its own seeded generator, so a plant leaves the draws of
 * the rest of the container as they were.
 *
 * <p>Curtailment (SunSpec 704 WMaxLimPct): while a cap is in force the output is the lesser of the above and the
 * cap, % of the rating, from the next step on (one step, no ramp: within the simulation's tick, well inside the
 * second a real inverter takes). A cap written with a reversion time falls back when no new write comes in
 * time: to the fallback cap given with it, or to no cap.
 *
 * <p>Not thread-safe: the {@link ContainerModel} owns it under its lock.
 */
public final class PvPlant {

    static final double HAZE_MIN = 0.94;
    private static final double HAZE_STEP_PER_SQRT_S = 0.002;

    private final PvPlantSettings settings;
    private final Random random;
    private double haze = 1;
    private double cloudFraction;
    private double cloudRemainingS;
    private double sunKw;
    private double capPct = Double.NaN;
    private double fallbackPct = Double.NaN;
    private double reversionRemainingS;
    private int reversions;

    public PvPlant(PvPlantSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    /**
     * The plant's output under a clear sky, kW: zero at night, highest at solar noon; the curve a forecast of
     * this plant gives (and a backtest's PV year). Pure.
     */
    public static double clearSkyKw(double ratedKw, double latitudeDeg, double longitudeDeg, long epochMillis) {
        double sin = SolarPosition.sinElevation(latitudeDeg, longitudeDeg, epochMillis);
        return sin <= 0 ? 0 : ratedKw * Math.pow(sin, 1.2);
    }

    /** Advances the haze and the cloud fault by {@code dtSeconds} and computes the output at {@code epochMillis}. */
    void step(double dtSeconds, long epochMillis) {
        haze = Math.max(HAZE_MIN, Math.min(1, haze + random.nextGaussian() * HAZE_STEP_PER_SQRT_S * Math.sqrt(dtSeconds)));
        if (cloudRemainingS > 0) {
            cloudRemainingS -= dtSeconds;
            if (cloudRemainingS <= 0) {
                clearCloud();
            }
        }
        if (reversionRemainingS > 0) {
            reversionRemainingS -= dtSeconds;
            if (reversionRemainingS <= 0) {
                reversionRemainingS = 0;
                capPct = fallbackPct;
                reversions++;
            }
        }
        sunKw = clearSkyKw(settings.ratedKw(), settings.latitudeDeg(), settings.longitudeDeg(), epochMillis) * haze
                * (1 - cloudFraction);
    }

    /**
     * Caps the output at {@code pct} % of the rating.
     *
     * @param reversionSeconds &gt; 0: without a new cap in this time the plant falls back to {@code fallbackPct};
     *     0: the cap holds until the next
     * @param fallbackPct the cap after a reversion, NaN for none
     */
    public void cap(double pct, double reversionSeconds, double fallbackPct) {
        capPct = pct;
        reversionRemainingS = Math.max(0, reversionSeconds);
        this.fallbackPct = fallbackPct;
    }

    /** No cap: the plant makes what the sun gives. */
    public void uncap() {
        capPct = Double.NaN;
        reversionRemainingS = 0;
    }

    /** The cap in force, % of the rating, NaN for none. */
    public double capPct() {
        return capPct;
    }

    /** Seconds until the cap in force reverts, 0 if no timer runs. */
    public double reversionRemainingS() {
        return reversionRemainingS;
    }

    /** How many times a cap reverted: lets the inverter's registers follow the fallback. */
    public int reversions() {
        return reversions;
    }

    /** What the sun gives the plant at the last step, kW, whatever the cap. */
    public double availableKw() {
        return sunKw;
    }

    /**
     * A cloud cuts the output by {@code fraction} (0..1), for {@code seconds} of simulated time, or until
     * {@link #clearCloud()} when that is 0.
     */
    public void cloud(double fraction, double seconds) {
        cloudFraction = fraction;
        cloudRemainingS = seconds;
    }

    public void clearCloud() {
        cloudFraction = 0;
        cloudRemainingS = 0;
    }

    public double cloudFraction() {
        return cloudFraction;
    }

    /** AC output, kW, at the last step: what the sun gives, under the cap in force. */
    public double kw() {
        return Double.isNaN(capPct) ? sunKw : Math.min(sunKw, capPct / 100 * settings.ratedKw());
    }

    public double ratedKw() {
        return settings.ratedKw();
    }
}
