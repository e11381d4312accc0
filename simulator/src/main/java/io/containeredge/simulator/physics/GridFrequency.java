package io.containeredge.simulator.physics;

/**
 * The grid's frequency as the container's meters read it: the nominal frequency with a little noise (bounded to
 * ±{@value #NOISE_LIMIT_HZ} Hz, so a healthy grid never comes near an under-frequency threshold), and the
 * {@code freq-dip} fault: the frequency held at a given value for some seconds of simulated time, or until cleared.
 */
public final class GridFrequency {

    static final double NOISE_LIMIT_HZ = 0.02;

    private final double nominalHz;
    private double dipHz = Double.NaN;
    private double dipRemainingS;

    public GridFrequency(double nominalHz) {
        this.nominalHz = nominalHz;
    }

    public double nominalHz() {
        return nominalHz;
    }

    /** The frequency held at {@code hz} for {@code seconds} of simulated time; a new dip replaces the last. */
    public void dip(double hz, double seconds) {
        dipHz = hz;
        dipRemainingS = seconds;
    }

    public void clearDip() {
        dipHz = Double.NaN;
        dipRemainingS = 0;
    }

    public boolean dipping() {
        return !Double.isNaN(dipHz);
    }

    /** Advances the dip's time. */
    void step(double dtSeconds) {
        if (dipping()) {
            dipRemainingS -= dtSeconds;
            if (dipRemainingS <= 0) {
                clearDip();
            }
        }
    }

    /** A reading with {@code noise} Hz of noise (clamped to the noise bound). */
    double hz(double noise) {
        double bounded = Math.max(-NOISE_LIMIT_HZ, Math.min(NOISE_LIMIT_HZ, noise));
        return (dipping() ? dipHz : nominalHz) + bounded;
    }
}
