package io.containeredge.control.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.MinerCurve;
import io.containeredge.site.api.MinerCurve.Point;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value function, the step choice and the breakeven price, with the figures of DESIGN.md "Economics". */
class ValuationTest {

    @Test
    void breakevenPricesAreTheDesignFigures() {
        // hashprice 0.035 USD/TH/day (35 USD/PH/day): ~49 USD/MWh at 29.5 J/TH, ~97 at 15, ~150 at 9.7
        assertEquals(49.4, Valuation.breakevenUsdPerMwh(29.5, 0.035), 0.1);
        assertEquals(97.2, Valuation.breakevenUsdPerMwh(15, 0.035), 0.1);
        assertEquals(150.3, Valuation.breakevenUsdPerMwh(9.7, 0.035), 0.1);
    }

    @Test
    void aUnitIsWorthNothingAtItsBreakevenPrice() {
        // 104 TH at 3,068 W: 29.5 J/TH, the S19j Pro of the issue, flat out only
        UnitModel s19 = new UnitModel("S19j Pro", new MinerCurve(List.of(new Point(3000, 101.7),
                new Point(3068, 104))), 3068, 3068, 100, 3068);
        double breakeven = Valuation.breakevenUsdPerMwh(s19, 0.035);
        assertEquals(49.4, breakeven, 0.1);
        assertEquals(0, Valuation.usdPerHour(s19.curve(), 3068, 0.035, breakeven), 1e-9);
    }

    @Test
    void valueIsHashrateTimesHashpriceLessPowerTimesPriceInUsdPerHour() {
        // 200 TH/s x 0.035 USD/TH/day / 24 h = 0.2917 USD/h; 3.5 kW x 50 USD/MWh = 0.175 USD/h
        assertEquals(0.2917 - 0.175, Valuation.usdPerHour(Units.S21, 3500, 0.035, 50), 1e-4);
        // the pool fee comes off the hashprice
        assertEquals(0.98 * 0.035, Hashprice.received(0.035, 0.02, 0, java.time.Duration.ofHours(1))
                .netUsdPerThDay(), 1e-12);
    }

    /** The best step of a unit at each price (USD/MWh to W, 0 asleep), at 0.035 USD/TH/day. */
    private static List<Double> bestSteps(UnitModel unit, double... prices) {
        return Arrays.stream(prices).mapToObj(p -> Valuation.best(unit, Units.HASHPRICE, p).powerW()).toList();
    }

    @Test
    void theBestStepFallsWithThePriceAndIsSleepWhenEveryStepLosesMoney() {
        // negative prices: running is paid for, flat out; above its breakeven of 90.7 USD/MWh: asleep
        assertEquals(List.of(3500.0, 3500.0, 2800.0, 1800.0, 0.0), bestSteps(Units.s21(), -20, 40, 70, 88, 95));
        assertEquals(90.7, Valuation.breakevenUsdPerMwh(Units.s21(), 0.035), 0.1);
    }

    @Test
    void theLessEfficientUnitIsTurnedDownAndPutToSleepAtLowerPrices() {
        UnitModel s19 = Units.s19();
        assertEquals(List.of(3500.0, 2700.0, 1700.0, 0.0), bestSteps(s19, 30, 40, 50, 61));
        assertEquals(60.0, Valuation.breakevenUsdPerMwh(s19, 0.035), 0.1);
        assertTrue(Valuation.usdPerHourPerKw(Units.s21(), 0.035, 40) > Valuation.usdPerHourPerKw(s19, 0.035, 40),
                "an S21 kW is worth more than an S19 kW");
    }

    @Test
    void stepsGoFromTheLowestTargetInItsStepsUpToTheTopOnTheCurveAndTheRating() {
        UnitModel u = new UnitModel("u", Units.S21, 1500, 3600, 400, 3400);
        assertEquals(List.of(1800.0, 2200.0, 2600.0, 3000.0, 3400.0), u.steps());
        assertEquals(3400, u.topW());
        assertThrows(IllegalArgumentException.class, () -> new UnitModel("u", Units.S21, 3600, 4000, 100, 4000));
        assertThrows(IllegalArgumentException.class, () -> new UnitModel("u", Units.S21, 1800, 3500, 0, 3500));
    }
}
