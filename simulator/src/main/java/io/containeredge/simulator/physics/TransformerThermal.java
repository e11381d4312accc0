package io.containeredge.simulator.physics;

/**
 * Top-oil and winding hot-spot temperature of the pad-mount transformer, after IEEE C57.91-2011
 * clause 7 (exponential equations): each rise moves exponentially toward its ultimate value for the
 * present load.
 * <pre>
 *   K       = load / rating
 *   dTO_u   = dTO_R * ((K^2 * R + 1) / (R + 1))^n       top-oil rise over ambient
 *   dH_u    = dH_R * K^(2m)                              hot-spot rise over top oil
 *   d(dTO)/dt = (dTO_u - dTO) / tauTO,  d(dH)/dt = (dH_u - dH) / tauW
 *   hot spot = ambient + dTO + dH
 * </pre>
 * Parameters of a typical ONAN distribution transformer: dTO_R 55 K, dH_R 25 K (110 degC hot spot
 * at rated load and 30 degC ambient), R = 4.5 (load losses / no-load losses), n = m = 0.8,
 * tauTO 150 min, tauW 5 min. So an overload is a minutes-to-hours process, as DESIGN.md says.
 */
public final class TransformerThermal {

    static final double TOP_OIL_RISE_RATED_K = 55;
    static final double HOT_SPOT_GRADIENT_RATED_K = 25;
    static final double LOSS_RATIO = 4.5;
    static final double N = 0.8;
    static final double M = 0.8;
    public static final double TAU_TOP_OIL_S = 150 * 60;
    public static final double TAU_WINDING_S = 5 * 60;

    private final double ratingKva;
    private double topOilRiseK;
    private double hotSpotGradientK;
    private double ambientC;
    private double loadKva;

    /** Starts in equilibrium with the given load, so a demo does not begin with a cold transformer. */
    public TransformerThermal(double ratingKva, double initialLoadKva, double ambientC) {
        this.ratingKva = ratingKva;
        this.loadKva = initialLoadKva;
        this.ambientC = ambientC;
        this.topOilRiseK = ultimateTopOilRise(initialLoadKva / ratingKva);
        this.hotSpotGradientK = ultimateHotSpotGradient(initialLoadKva / ratingKva);
    }

    public void step(double dtSeconds, double loadKva, double ambientC) {
        this.loadKva = loadKva;
        this.ambientC = ambientC;
        double k = loadKva / ratingKva;
        topOilRiseK += (ultimateTopOilRise(k) - topOilRiseK) * (1 - Math.exp(-dtSeconds / TAU_TOP_OIL_S));
        hotSpotGradientK += (ultimateHotSpotGradient(k) - hotSpotGradientK) * (1 - Math.exp(-dtSeconds / TAU_WINDING_S));
    }

    static double ultimateTopOilRise(double k) {
        return TOP_OIL_RISE_RATED_K * Math.pow((k * k * LOSS_RATIO + 1) / (LOSS_RATIO + 1), N);
    }

    static double ultimateHotSpotGradient(double k) {
        return HOT_SPOT_GRADIENT_RATED_K * Math.pow(Math.abs(k), 2 * M);
    }

    public double topOilC() {
        return ambientC + topOilRiseK;
    }

    /** Winding hot-spot temperature: what the monitor reports as winding temperature. */
    public double hotSpotC() {
        return topOilC() + hotSpotGradientK;
    }

    public double loadKva() {
        return loadKva;
    }

    public double loadPct() {
        return 100.0 * loadKva / ratingKva;
    }

    public double ratingKva() {
        return ratingKva;
    }
}
