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

    /** Miners whose two halves are worth 0.2 and 0.1 per kW, an AI tenant (floor 40, band 40 worth 0.14) capped out of band. */
    private static final List<LoadBudget.Offer> MINER_STEPS = List.of(new LoadBudget.Offer(70, 0.2),
            new LoadBudget.Offer(70, 0.1));

    private static Claim ai(double drawKw) {
        return new Claim(Commitment.FIRM, 40, 80, List.of(new LoadBudget.Offer(40, 0.14)), true, drawKw);
    }

    private static Claim miners() {
        return new Claim(Commitment.FLEXIBLE, 0, 140, MINER_STEPS, false, 140);
    }

    @Test
    void anAiBandIsServedBetweenTheMinersStepsByValue() {
        // floor 40; the miners' 0.2 half (70); the band at 0.14 (40); the miners' 0.1 half gets the last 20
        double[] shares = LoadBudget.split(170, List.of(miners(), ai(80)));
        assertEquals(80, shares[1], 1e-9, "the AI gets floor and band, exactly: its cap");
        assertEquals(90, shares[0], 1e-9, "the miners get what the AI draws leaves");
        // a tighter budget: the band is cut before the miners' better half
        double[] tight = LoadBudget.split(120, List.of(miners(), ai(40)));
        assertEquals(50, tight[1], 1e-9);
        assertEquals(80, tight[0], 1e-9);
    }

    @Test
    void theOthersCountACappedLoadAtWhatItDrawsSoTheyAbsorbItsSwings() {
        assertEquals(122, LoadBudget.split(170, List.of(miners(), ai(48)))[0], 1e-9, "the servers at 60 %");
        assertEquals(80, LoadBudget.split(170, List.of(miners(), ai(90)))[0], 1e-9, "a server over its cap");
    }

    @Test
    void aSoftBudgetUnderTheFloorsLeavesTheFloorsOnlyAHardOneCutsThem() {
        double[] soft = LoadBudget.split(20, 500, List.of(miners(), ai(40)));
        assertEquals(40, soft[1], 1e-9, "the floor is served out of the hard budget");
        assertEquals(0, soft[0], 1e-9, "nothing for the miners");
        double[] hard = LoadBudget.split(20, 20, List.of(miners(), ai(20)));
        assertEquals(20, hard[1], 1e-9, "a hard limit under the floor cuts it");
        assertEquals(0, hard[0], 1e-9);
    }
}
