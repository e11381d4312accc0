package io.containeredge.control.power;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.Reading;

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
 * @param statusAlarm the alarm of a transformer monitor's alarm or trip bit, or null while neither is set
 */
record HotSpot(TransformerThermalState model, double celsius, String source, boolean measured,
        AlarmCondition statusAlarm) {

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
            return new HotSpot(s, p.windingC().value(), p.windingC().toString(), true, null).withStatus(p, cfg);
        }
        String source = p.topOilC().good()
                ? "model: " + p.topOilC() + " + gradient " + round(s.hotSpotGradientK()) + " K"
                : "model: load " + round(loadPu) + " pu, ambient " + round(ambientC) + " degC"
                        + (ambient.good() ? "" : " (design value, " + ambient + ")");
        return new HotSpot(s, s.hotSpotC(), source + ", winding " + p.windingC(), false, null).withStatus(p, cfg);
    }

    /**
     * The monitor's own verdict counts even when the temperature does not show it (a probe that reads low):
     * a trip bit puts the hot spot just above the emergency limit (fast derate), an alarm bit just above
     * the continuous limit; a hotter reading or estimate stays as it is.
     */
    private HotSpot withStatus(PowerInputs p, PowerConfig cfg) {
        if (p.transformerTrip().set()) {
            return floor(cfg.hotSpotEmergencyC(), p.transformerTrip(), new AlarmCondition("power.transformer-trip",
                    Severity.CRITICAL, p.transformerTrip().source(), "transformer monitor reports trip: acting as if"
                            + " the hot spot were above its emergency limit " + cfg.hotSpotEmergencyC() + " degC", 1));
        }
        if (p.transformerAlarm().set()) {
            return floor(cfg.hotSpotLimitC(), p.transformerAlarm(), new AlarmCondition("power.transformer-alarm",
                    Severity.WARNING, p.transformerAlarm().source(), "transformer monitor reports alarm: acting as if"
                            + " the hot spot were above its continuous limit " + cfg.hotSpotLimitC() + " degC", 1));
        }
        return this;
    }

    private HotSpot floor(double limitC, Reading bit, AlarmCondition alarm) {
        if (celsius > limitC) {
            return new HotSpot(model, celsius, source, measured, alarm);
        }
        return new HotSpot(model, Math.nextUp(limitC), bit.source() + " set (" + source + ")", measured, alarm);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
