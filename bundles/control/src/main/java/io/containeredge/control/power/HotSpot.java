package io.containeredge.control.power;

import io.containeredge.control.PowerInputs;
import io.containeredge.control.Reading;

/**
 * The winding hot spot the guard acts on, from the best source available this cycle: the monitor's
 * winding reading; else the measured top oil plus the modelled gradient; else the model alone, fed
 * with the import and the ambient (the design ambient when that reading is bad: a hot day is the
 * worst case). The model runs every cycle, even while the monitor is good, so it is warm when needed.
 *
 * @param model the model's state after this cycle
 * @param celsius the hot spot to act on
 * @param source which reading or estimate it came from, for reasons and alarms
 * @param measured whether it is the monitor's winding reading
 */
record HotSpot(TransformerThermalState model, double celsius, String source, boolean measured) {

    /**
     * @param prev the model's previous state; null starts it at the steady state of the present load,
     *     the worst the transformer can be if that load has held for hours
     * @param loadPu present load; the caller passes the rated load when the import is not known
     */
    static HotSpot assess(PowerInputs p, PowerConfig cfg, TransformerThermalState prev, double loadPu, double dtS) {
        TransformerThermalModel m = new TransformerThermalModel(cfg.transformer());
        Reading ambient = p.ambientC();
        double ambientC = ambient.good() ? ambient.value() : cfg.designAmbientC();
        TransformerThermalState s = prev == null ? m.steadyState(loadPu, ambientC) : m.step(prev, loadPu, ambientC, dtS);
        if (p.topOilC().good()) {
            s = s.withTopOil(p.topOilC().value());
        }
        if (p.windingC().good()) {
            return new HotSpot(s, p.windingC().value(), p.windingC().toString(), true);
        }
        String source = p.topOilC().good()
                ? "model: " + p.topOilC() + " + gradient " + round(s.hotSpotGradientK()) + " K"
                : "model: load " + round(loadPu) + " pu, ambient " + round(ambientC) + " degC"
                        + (ambient.good() ? "" : " (design value, " + ambient + ")");
        return new HotSpot(s, s.hotSpotC(), source + ", winding " + p.windingC(), false);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
