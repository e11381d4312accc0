package io.containeredge.control.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.control.load.LoadBudget.Claim;
import io.containeredge.control.load.LoadKind.Commitment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Firm floors first, then value order; shedding the other way. */
class LoadBudgetTest {

    static final Claim MINERS = new Claim(Commitment.FLEXIBLE, 0, 140, 1);
    static final Claim RACK = new Claim(Commitment.FIRM, 40, 60, 0.5);
    static final Claim EFFICIENT = new Claim(Commitment.FLEXIBLE, 0, 50, 2);

    private static double[] split(double budgetKw, Claim... claims) {
        return LoadBudget.split(budgetKw, List.of(claims));
    }

    @Test
    void aSingleLoadGetsExactlyTheBudgetLimitedOrNot() {
        assertArrayEquals(new double[] {123.456}, split(123.456, MINERS));
        assertArrayEquals(new double[] {0}, split(0, MINERS));
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY}, split(Double.POSITIVE_INFINITY, MINERS));
    }

    @Test
    void theFirmFloorIsServedFirstAndTheRestGoesInValueOrder() {
        // the rack's floor (40), then the miners (worth 1) before the rack's upside (worth 0.5)
        assertArrayEquals(new double[] {110, 40}, split(150, MINERS, RACK));
        // enough for everyone: the rack's upside gets what the miners leave
        assertArrayEquals(new double[] {160, 60}, split(200, MINERS, RACK));
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
                split(Double.POSITIVE_INFINITY, MINERS, RACK));
    }

    @Test
    void flexibleLoadsAreServedInFallingValue() {
        // the efficient load first up to its 50 kW; the miners get what is left
        assertArrayEquals(new double[] {70, 120}, split(120, MINERS, EFFICIENT));
        assertArrayEquals(new double[] {0, 30}, split(30, MINERS, EFFICIENT));
    }

    @Test
    void aFallingBudgetShedsTheLowestValueFirstAndTheFirmFloorLast() {
        Claim[] all = {MINERS, RACK, EFFICIENT};
        assertArrayEquals(new double[] {140, 40, 190}, split(230, all), "just enough for all demands");
        assertArrayEquals(new double[] {50, 40, 100}, split(140, all), "the miners shed first");
        assertArrayEquals(new double[] {0, 40, 50}, split(90, all), "then the efficient load");
        assertArrayEquals(new double[] {0, 40, 0}, split(40, all), "the rack's floor last");
        assertArrayEquals(new double[] {0, 25, 0}, split(25, all));
    }

    @Test
    void aFloorIsNeverMoreThanTheLoadCanDraw() {
        Claim oversized = new Claim(Commitment.FIRM, 100, 30, 0.5);
        assertArrayEquals(new double[] {70, 30}, split(100, MINERS, oversized));
    }

    @Test
    void amongEqualValuesTheFirstRegisteredIsServedFirst() {
        Claim second = new Claim(Commitment.FLEXIBLE, 0, 140, 1);
        double[] shares = split(100, MINERS, second);
        assertEquals(100, shares[0]);
        assertEquals(0, shares[1]);
    }
}
