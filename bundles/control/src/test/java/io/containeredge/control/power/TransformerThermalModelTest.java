package io.containeredge.control.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The IEEE C57.91 clause 7 model with the ONAN defaults (55 K + 25 K, R = 5, n = m = 0.8, 150 / 5 min). */
class TransformerThermalModelTest {

    private final TransformerThermalModel model = new TransformerThermalModel(TransformerParams.onan(2500));

    private TransformerThermalState run(TransformerThermalState s, double pu, double ambient, double seconds, double dt) {
        for (double t = 0; t < seconds - 1e-9; t += dt) {
            s = model.step(s, pu, ambient, dt);
        }
        return s;
    }

    @Test
    void ratedLoadAt30DegreesSettlesAtTheReference110DegreeHotSpot() {
        assertEquals(110, model.steadyState(1.0, 30).hotSpotC(), 1e-9);
        TransformerThermalState cold = model.steadyState(0, 30);
        assertEquals(30 + 55 * Math.pow(1 / 6.0, 0.8), cold.topOilC(), 1e-9, "no-load losses alone: 13.1 K");
        TransformerThermalState s = run(cold, 1.0, 30, 48 * 3600, 60);
        assertEquals(110, s.hotSpotC(), 1e-3);
        assertEquals(85, s.topOilC(), 1e-3);
    }

    @Test
    void topOilAndGradientReach63PercentOfTheirStepAfterOneTimeConstant() {
        TransformerThermalState cold = model.steadyState(0, 30);
        double oilStep = 85 - cold.topOilC();
        TransformerThermalState w = run(cold, 1.0, 30, 5 * 60, 1);
        assertEquals(0.632 * 25, w.hotSpotGradientK(), 0.01 * 25, "winding: 5 min");
        TransformerThermalState o = run(cold, 1.0, 30, 150 * 60, 1);
        assertEquals(cold.topOilC() + 0.632 * oilStep, o.topOilC(), 0.01 * oilStep, "top oil: 150 min");
    }

    @Test
    void exactUpdateGivesTheSameTemperaturesForAnyStepLength() {
        TransformerThermalState start = model.steadyState(0.6, 20);
        TransformerThermalState fine = run(start, 1.2, 35, 3600, 0.25);
        TransformerThermalState coarse = model.step(start, 1.2, 35, 3600);
        assertEquals(fine.topOilC(), coarse.topOilC(), 1e-6);
        assertEquals(fine.hotSpotGradientK(), coarse.hotSpotGradientK(), 1e-6);
        TransformerThermalState days = model.step(start, 1.2, 35, 30 * 86400);
        assertEquals(model.steadyState(1.2, 35).hotSpotC(), days.hotSpotC(), 1e-9, "a huge step lands on the steady state");
    }

    @Test
    void overloadOf1point3PuFromRatedSteadyStateReaches120DegreesAfterAboutSixMinutes() {
        // ultimate: top-oil rise 55 ((1.69 * 5 + 1) / 6)^0.8 = 79.1 K, gradient 25 * 1.3^1.6 = 38.0 K: 147.1 degC
        assertEquals(147.14, model.steadyState(1.3, 30).hotSpotC(), 0.01);
        // 120 = 147.14 - 24.10 e^(-t/9000) - 13.04 e^(-t/300)  =>  t = 356 s (the winding does most of it)
        TransformerThermalState s = model.steadyState(1.0, 30);
        double t = 0;
        while (s.hotSpotC() < 120) {
            s = model.step(s, 1.3, 30, 1);
            t++;
        }
        assertEquals(357, t, 1);
        TransformerThermalState at350 = run(model.steadyState(1.0, 30), 1.3, 30, 350, 10);
        assertTrue(at350.hotSpotC() < 120 && at350.hotSpotC() > 119.5, "at 350 s: " + at350.hotSpotC());
    }

    @Test
    void ambientChangeReachesTheOilThroughItsTimeConstant() {
        TransformerThermalState s = model.steadyState(1.0, 30);
        TransformerThermalState warmer = model.step(s, 1.0, 40, 60);
        assertTrue(warmer.topOilC() - s.topOilC() < 0.1 * 10, "one minute after +10 K ambient the oil moved < 1 K");
        assertEquals(s.topOilC() + 10, model.step(s, 1.0, 40, 100 * 3600).topOilC(), 1e-6);
    }
}
