package io.containeredge.control.thermal;

/**
 * Speeds the cooling should run at least at. The controller only ever raises a pump or fan, never
 * lowers or stops one: a wrong reading must not be able to take cooling away.
 *
 * @param pumpMinPct lowest acceptable pump speed, NaN for no request
 * @param fanMinPct lowest acceptable dry-cooler fan speed, NaN for no request
 */
public record CoolingRequest(double pumpMinPct, double fanMinPct) {

    public static final CoolingRequest NONE = new CoolingRequest(Double.NaN, Double.NaN);
    public static final CoolingRequest FULL = new CoolingRequest(100, 100);

    public boolean any() {
        return !Double.isNaN(pumpMinPct) || !Double.isNaN(fanMinPct);
    }
}
