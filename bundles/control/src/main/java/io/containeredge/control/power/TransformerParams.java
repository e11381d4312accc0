package io.containeredge.control.power;

/**
 * A transformer as the IEEE C57.91 clause 7 thermal model sees it. Temperatures are rises at rated
 * load; the defaults are those of a 65 K-rise ONAN pad-mount unit, whose hot spot at rated load and
 * 30 degC ambient is the standard's 110 degC reference (30 + 55 + 25).
 *
 * @param ratedKva nameplate rating
 * @param topOilRiseK top-oil rise over ambient at rated load
 * @param hotSpotGradientK winding hot-spot rise over top oil at rated load
 * @param lossRatio R: load losses at rated load / no-load losses
 * @param oilExponent n (0.8 for ONAN)
 * @param windingExponent m (0.8 for ONAN)
 * @param topOilTauS top-oil time constant, seconds
 * @param windingTauS winding time constant, seconds
 */
public record TransformerParams(
        double ratedKva,
        double topOilRiseK,
        double hotSpotGradientK,
        double lossRatio,
        double oilExponent,
        double windingExponent,
        double topOilTauS,
        double windingTauS) {

    public TransformerParams {
        for (double v : new double[] {ratedKva, topOilRiseK, hotSpotGradientK, lossRatio, oilExponent,
                windingExponent, topOilTauS, windingTauS}) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("transformer parameters must be positive and finite: " + this);
            }
        }
    }

    /** ONAN defaults: 55 K top oil, 25 K gradient, R = 5, n = m = 0.8, 150 min and 5 min. */
    public static TransformerParams onan(double ratedKva) {
        return new TransformerParams(ratedKva, 55, 25, 5, 0.8, 0.8, 150 * 60, 5 * 60);
    }
}
