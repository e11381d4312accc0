package io.containeredge.control.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.EconomicsStatus.ModelEconomics;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.MinerCurve;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The economic limit on learned curves: two S21-class units ({@link Units#S21}, breakeven 90.7 USD/MWh, 2,800 W
 * pays best from 62.5 to 84.6 USD/MWh) at a tariff of 75 USD/MWh, no hold or dwell. Unit 1 was learned a third
 * down at every power (a dead hashboard): its breakeven is 90.7 x 0.67 = 60.8 USD/MWh, so at 75 it loses money.
 */
class LearnedCurveLimitTest {

    static final long WALL = EconomicLimitTest.WALL;
    static final ContainerInputs IN = new ContainerInputs(0, List.of(), null, 7, 7);
    static final MinerCurve DEGRADED = Units.S21.scaledHashrate(0.67);

    private final EconomicsSettings settings = Units.settings(75, Duration.ZERO, Duration.ZERO, 4);
    private final EconomicLimit limit = new EconomicLimit(settings, Map.of(0, Units.s21(), 1, Units.s21()),
            Units.inputs(settings));
    private long now;

    private String cycle() {
        now += 5_000;
        return limit.evaluate(IN, new Cycle(null, Map.of(), WALL + now, now)).get(0).reason();
    }

    @Test
    void onModelCurvesBothUnitsRunAlikeAtTheSameStep() {
        cycle();
        assertEquals(2800, limit.valueOf(0).stepW());
        assertEquals(2800, limit.valueOf(1).stepW());
        assertEquals(limit.valueOf(0).valuePerKw(), limit.valueOf(1).valuePerKw());
    }

    @Test
    void theUnitLearnedAsDegradedSleepsWhileTheHealthyOneKeepsRunning() {
        cycle();
        limit.useCurves(Map.of(1, DEGRADED, 7, DEGRADED));
        String reason = cycle();
        assertEquals(0, limit.valueOf(1).stepW(), "every step of the degraded unit loses money at 75 USD/MWh");
        assertEquals(2800, limit.valueOf(0).stepW(), "the healthy unit still runs at its best step");
        assertTrue(limit.valueOf(1).valuePerKw() < limit.valueOf(0).valuePerKw(), "curtailed first");
        assertTrue(reason.startsWith("price 75 USD/MWh <= breakeven 91 USD/MWh for S21 units (1 on learned curves): "
                + "1 units asleep, 1 at lower power targets"), "the model's breakeven, as its datasheet says: "
                + reason);
        EconomicsReport report = new EconomicsReport(limit);
        report.update(List.of());
        ModelEconomics s21 = report.latest().orElseThrow().models().get(0);
        assertEquals(List.of(2, 1, 1, 1), List.of(s21.units(), s21.asleep(), s21.lowered(), s21.onLearnedCurves()));
        assertEquals(90.7, s21.breakevenUsdPerMwh(), 0.05);
    }

    @Test
    void theModelCurveGivenBackDecidesAgain() {
        cycle();
        limit.useCurves(Map.of(1, DEGRADED));
        cycle();
        limit.useCurves(Map.of(1, Units.S21));
        String reason = cycle();
        assertEquals(2800, limit.valueOf(1).stepW());
        assertFalse(reason.contains("learned"), reason);
        assertEquals(List.of(), List.copyOf(limit.state().onLearnedCurves()));
    }
}
