package io.containeredge.control.power;

/**
 * The IEEE C57.91 clause 7 transformer thermal model: top-oil rise and winding hot-spot gradient
 * each approach their ultimate value for the present load exponentially,
 * <pre>
 *   ultimate top-oil rise  = rise_R * ((K^2 R + 1) / (R + 1))^n
 *   ultimate gradient      = gradient_R * K^(2m)
 *   x(t + dt) = x_u + (x(t) - x_u) * exp(-dt / tau)
 * </pre>
 * with K the load in per unit of the rating. The update is the exact solution for a load and ambient
 * held over the step, so it is stable for any step length: a 250 ms control cycle and a one-hour
 * test step give the same temperatures at the same times. The time constants are the rated ones (the
 * standard's load-dependent correction for n != 1 is left out; it changes tau by a few percent).
 */
public final class TransformerThermalModel {

    private final TransformerParams p;

    public TransformerThermalModel(TransformerParams params) {
        this.p = params;
    }

    public TransformerParams params() {
        return p;
    }

    public double ultimateTopOilRiseK(double loadPu) {
        double r = p.lossRatio();
        return p.topOilRiseK() * Math.pow((loadPu * loadPu * r + 1) / (r + 1), p.oilExponent());
    }

    public double ultimateHotSpotGradientK(double loadPu) {
        return p.hotSpotGradientK() * Math.pow(Math.abs(loadPu), 2 * p.windingExponent());
    }

    /** The temperatures after running at this load and ambient for a long time. */
    public TransformerThermalState steadyState(double loadPu, double ambientC) {
        return new TransformerThermalState(ambientC + ultimateTopOilRiseK(loadPu), ultimateHotSpotGradientK(loadPu));
    }

    /**
     * @param loadPu load over the step in per unit of the rating (sign ignored: export heats too)
     * @param dtSeconds step length, 0 or more
     */
    public TransformerThermalState step(TransformerThermalState s, double loadPu, double ambientC, double dtSeconds) {
        if (!Double.isFinite(loadPu) || !Double.isFinite(ambientC) || !(dtSeconds >= 0)) {
            throw new IllegalArgumentException("load " + loadPu + " pu, ambient " + ambientC + " degC, dt " + dtSeconds);
        }
        TransformerThermalState u = steadyState(loadPu, ambientC);
        double oil = Math.exp(-dtSeconds / p.topOilTauS());
        double winding = Math.exp(-dtSeconds / p.windingTauS());
        return new TransformerThermalState(u.topOilC() + (s.topOilC() - u.topOilC()) * oil,
                u.hotSpotGradientK() + (s.hotSpotGradientK() - u.hotSpotGradientK()) * winding);
    }
}
