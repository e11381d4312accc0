package io.containeredge.control.power;

/**
 * Where the transformer's temperatures stand. Top oil is kept as a temperature, not a rise, so a
 * change of ambient reaches the oil through its time constant as it does in the tank.
 *
 * @param topOilC top-oil temperature
 * @param hotSpotGradientK winding hot-spot rise over top oil
 */
public record TransformerThermalState(double topOilC, double hotSpotGradientK) {

    public double hotSpotC() {
        return topOilC + hotSpotGradientK;
    }

    /** The same state with a measured top-oil temperature in place of the modelled one. */
    public TransformerThermalState withTopOil(double measuredC) {
        return new TransformerThermalState(measuredC, hotSpotGradientK);
    }
}
