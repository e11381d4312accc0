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
    private double kw;

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
        kw = clearSkyKw(settings.ratedKw(), settings.latitudeDeg(), settings.longitudeDeg(), epochMillis) * haze
                * (1 - cloudFraction);
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

    /** AC output, kW, at the last step. */
    public double kw() {
        return kw;
    }

    public double ratedKw() {
        return settings.ratedKw();
    }
}
