package io.containeredge.control.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The battery's energy left at the horizon's end is worth what it would displace later: with flat prices and export
 * at the market, a rolling plan keeps its charge instead of selling it for a little more than wear; priced at
 * nothing, the same plan empties the battery into the grid.
 */
class StoredEnergyValueTest {

    /** Four flat hours at 40 USD/MWh, export at the same price allowed, a lossy battery with wear, at 80 %. */
    private static PlanProblem flat(double storedUsdPerMwh) {
        PlanProblem p = Problems.hourly().slot(40, 40, 0, 10, 1000, 0).slot(40, 40, 0, 10, 1000, 0)
                .slot(40, 40, 0, 10, 1000, 0).slot(40, 40, 0, 10, 1000, 0)
                .battery(new StorageModel(100, 10, 90, 50, 50, 0.9, 5), 80).export(100).build();
        return new PlanProblem(p.slots(), p.slotLength(), p.socPctNow(), p.storage(), p.mining(), p.exportLimitKw(),
                p.demandChargeUsdPerKw(), p.peakImportSoFarKw(), storedUsdPerMwh);
    }

    @Test
    void withoutAValueTheBatteryIsSoldOffWithOneTheChargeIsKept() throws Exception {
        Plan sold = Problems.solve(flat(0));
        assertTrue(sold.slots().get(3).socPctEnd() < 15, "worth nothing at the end: sold " + sold.slots());
        List<PlanSlotInput> slots = new ArrayList<>(flat(0).slots());
        double value = PlanProblems.storedValue(slots, new StorageModel(100, 10, 90, 50, 50, 0.9, 5));
        assertEquals(40 * Math.sqrt(0.9), value, 1e-9, "the mean import price, one way");
        Plan kept = Problems.solve(flat(value));
        for (PlannedSlot s : kept.slots()) {
            assertEquals(0, s.dischargeKw(), 1e-6, "nothing sold: " + s);
            assertEquals(80, s.socPctEnd(), 1e-6);
        }
    }
}
