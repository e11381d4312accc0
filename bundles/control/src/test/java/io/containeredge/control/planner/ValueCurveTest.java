package io.containeredge.control.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.planner.ValueCurve.Segment;
import io.containeredge.site.api.MinerCurve;
import io.containeredge.site.api.MinerCurve.Point;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fleet's value curve: built from units' steps, merged to a few segments, and its marginal value. */
class ValueCurveTest {

    private static final double HASHPRICE = 0.035;
    /** 112 TH/s at 1,800 W, 170 at 2,800, 200 at 3,500: hashrate falls slower than power near nominal. */
    private static final MinerCurve S21 = new MinerCurve(List.of(new Point(1800, 112), new Point(2800, 170),
            new Point(3500, 200)));

    @Test
    void aUnitsStepsAreIncrementsWorthTheirHashratePerMwh() {
        // two steps, 1,800 and 3,500 W: the first 1.8 kW earn 112 TH/s, the next 1.7 kW 88 TH/s more
        ValueCurve curve = ValueCurve.of(List.of(new UnitModel("S21", S21, 1800, 3500, 1700, 3500)), HASHPRICE);

        assertEquals(2, curve.segments().size());
        assertEquals(1.8, curve.segments().get(0).kw(), 1e-12);
        assertEquals(112 * HASHPRICE / 24 / 0.0018, curve.segments().get(0).usdPerMwh(), 1e-9);
        assertEquals(1.7, curve.segments().get(1).kw(), 1e-12);
        assertEquals(88 * HASHPRICE / 24 / 0.0017, curve.segments().get(1).usdPerMwh(), 1e-9);
    }

    @Test
    void aFleetMergesToAtMostTheCapKeepingPowerAndRevenue() {
        List<UnitModel> fleet = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // spread hashrates: every unit's increments have their own values
            fleet.add(new UnitModel("S21", S21.scaledHashrate(0.8 + i * 0.004), 1800, 3500, 100, 3500));
        }
        ValueCurve curve = ValueCurve.of(fleet, HASHPRICE);

        assertEquals(ValueCurve.MAX_SEGMENTS, curve.segments().size());
        assertEquals(100 * 3.5, curve.maxKw(), 1e-9);
        double usdPerHourFlatOut = fleet.stream().mapToDouble(u -> u.curve().hashrateThAt(3500)).sum() * HASHPRICE / 24;
        double curveUsdPerHour = curve.segments().stream().mapToDouble(s -> s.kw() * s.usdPerMwh() / 1000).sum();
        assertEquals(usdPerHourFlatOut, curveUsdPerHour, 1e-9);
    }

    @Test
    void aSmallerCapMergesFurther() {
        // three values: its lowest step, then 100 W steps along each of the curve's two straight pieces
        List<UnitModel> fleet = List.of(new UnitModel("S21", S21, 1800, 3500, 100, 3500));
        assertEquals(3, ValueCurve.of(fleet, HASHPRICE).segments().size());

        ValueCurve two = ValueCurve.of(fleet, HASHPRICE, 2);
        assertEquals(2, two.segments().size());
        assertEquals(3.5, two.maxKw(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ValueCurve.of(fleet, HASHPRICE, 0));
    }

    @Test
    void identicalUnitsAreOneCurveOfTheirSteps() {
        ValueCurve one = ValueCurve.of(List.of(new UnitModel("S21", S21, 1800, 3500, 100, 3500)), HASHPRICE);
        ValueCurve forty = ValueCurve.of(Collections.nCopies(40, new UnitModel("S21", S21, 1800, 3500, 100, 3500)),
                HASHPRICE);

        assertEquals(one.segments().size(), forty.segments().size());
        for (int k = 0; k < one.segments().size(); k++) {
            assertEquals(40 * one.segments().get(k).kw(), forty.segments().get(k).kw(), 1e-9);
            assertEquals(one.segments().get(k).usdPerMwh(), forty.segments().get(k).usdPerMwh(), 1e-9);
        }
    }

    @Test
    void theMarginalValueIsTheSegmentThePowerEndsIn() {
        ValueCurve curve = new ValueCurve(List.of(new Segment(10, 100), new Segment(20, 80), new Segment(5, 50)));

        assertEquals(101, curve.marginalUsdPerMwh(0), 1e-12, "nothing mined: above every segment");
        assertEquals(100, curve.marginalUsdPerMwh(4), 1e-12);
        assertEquals(90, curve.marginalUsdPerMwh(10), 1e-12, "between 100 and 80: either runs the first only");
        assertEquals(80, curve.marginalUsdPerMwh(25), 1e-12);
        assertEquals(65, curve.marginalUsdPerMwh(30), 1e-12);
        assertEquals(49, curve.marginalUsdPerMwh(35), 1e-12, "all mined: below every segment");
    }

    @Test
    void segmentsMustFallInValue() {
        assertThrows(IllegalArgumentException.class,
                () -> new ValueCurve(List.of(new Segment(10, 50), new Segment(10, 60))));
        assertTrue(new ValueCurve(List.of()).segments().isEmpty());
    }
}
