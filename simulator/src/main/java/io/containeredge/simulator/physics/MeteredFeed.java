package io.containeredge.simulator.physics;

/**
 * One metered three-phase feed at 230/400 V, 50 Hz: what a power meter on it reads. Voltage sags
 * slightly with load (3 % at the transformer's rating), phases are a little unbalanced (+1 % / -0.5 %
 * / -0.5 %) as real containers are, and energy registers accumulate import and export.
 */
public final class MeteredFeed {

    public static final double NOMINAL_LN_V = 230;
    public static final double NOMINAL_HZ = 50;
    private static final double[] PHASE_SHARE = {1.01, 0.995, 0.995};

    private final double ratingKva;
    private double activeKw;
    private double reactiveKvar;
    private double importKwh;
    private double exportKwh;

    public MeteredFeed(double ratingKva, double initialImportKwh, double initialExportKwh) {
        this.ratingKva = ratingKva;
        this.importKwh = initialImportKwh;
        this.exportKwh = initialExportKwh;
    }

    public void step(double dtSeconds, double activeKw, double reactiveKvar) {
        this.activeKw = activeKw;
        this.reactiveKvar = reactiveKvar;
        double kwh = activeKw * dtSeconds / 3600.0;
        if (kwh >= 0) {
            importKwh += kwh;
        } else {
            exportKwh -= kwh;
        }
    }

    public double activeKw() {
        return activeKw;
    }

    public double reactiveKvar() {
        return reactiveKvar;
    }

    public double apparentKva() {
        return Math.hypot(activeKw, reactiveKvar);
    }

    /** Signed like the active power (IEC convention for a load: positive when importing). */
    public double powerFactor() {
        double s = apparentKva();
        return s < 1e-6 ? 1.0 : activeKw / s;
    }

    public double voltageLn() {
        return NOMINAL_LN_V * (1 - 0.03 * Math.min(1.5, apparentKva() / ratingKva));
    }

    public double voltageLl() {
        return voltageLn() * Math.sqrt(3);
    }

    /** Total current if balanced, A per phase. */
    public double currentA() {
        return apparentKva() * 1000 / (3 * voltageLn());
    }

    /** Current of phase 0..2. */
    public double phaseCurrentA(int phase) {
        return currentA() * PHASE_SHARE[phase];
    }

    /** Active power of phase 0..2, kW. */
    public double phaseActiveKw(int phase) {
        return activeKw / 3 * PHASE_SHARE[phase];
    }

    /** Apparent power of phase 0..2, kVA. */
    public double phaseApparentKva(int phase) {
        return apparentKva() / 3 * PHASE_SHARE[phase];
    }

    /** Reactive power of phase 0..2, kvar. */
    public double phaseReactiveKvar(int phase) {
        return reactiveKvar / 3 * PHASE_SHARE[phase];
    }

    public double importKwh() {
        return importKwh;
    }

    public double exportKwh() {
        return exportKwh;
    }
}
