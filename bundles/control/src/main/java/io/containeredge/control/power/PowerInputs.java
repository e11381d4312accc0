package io.containeredge.control.power;

import io.containeredge.control.api.Reading;

/**
 * What the power guard reads.
 *
 * @param importKw the container's import at the main meter
 * @param windingC measured transformer winding (hot-spot) temperature, bad if the monitor has none
 * @param topOilC measured transformer top-oil temperature
 * @param ambientC outdoor temperature for the transformer thermal model
 * @param batterySocPct battery state of charge
 * @param batteryKw battery AC power, positive while discharging
 * @param transformerAlarm 1 while a transformer monitor's alarm bit is set: the hot spot counts as above its
 *     continuous limit
 * @param transformerTrip 1 while a transformer monitor's trip bit is set: the hot spot counts as above its
 *     emergency limit
 */
public record PowerInputs(
        Reading importKw,
        Reading windingC,
        Reading topOilC,
        Reading ambientC,
        Reading batterySocPct,
        Reading batteryKw,
        Reading transformerAlarm,
        Reading transformerTrip) {
}
