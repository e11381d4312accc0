package io.containeredge.control.load;

import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.limit.Cycle;
import java.util.List;

/**
 * A kind of load the container can give or deny power: miners, later GPU servers or racks. Each cycle
 * the loop reads its units ({@link #observe}), the guards limit what all running units draw together, and
 * {@link LoadBudget} hands each kind its share of the limit ({@link #apply}).
 */
public interface LoadKind {

    /** Firm loads (AI under contract) are served first up to their floor; flexible ones share the rest. */
    enum Commitment {
        FIRM,
        FLEXIBLE
    }

    String name();

    Commitment commitment();

    /** A firm load's floor: served before any flexible load gets a kW; 0 for a flexible load. */
    double floorKw();

    /** What one kW of this load is worth: flexible loads are served in falling value, shed in rising value. */
    double valuePerKw();

    LoadSteps steps();

    /**
     * Its demand above the floor in blocks of kW at a value per kW, read after the limit sources ran this cycle: by
     * default all of it at {@link #valuePerKw}.
     *
     * @param ratedKw what its units draw at full power, as observed this cycle
     */
    default List<LoadBudget.Offer> offers(double ratedKw) {
        double floor = commitment() == Commitment.FIRM ? Math.min(floorKw(), ratedKw) : 0;
        return List.of(new LoadBudget.Offer(ratedKw - floor, valuePerKw()));
    }

    /**
     * It is capped out of band (GPU servers through their BMCs) rather than commanded step by step: it gets exactly
     * its grant, as a cap, and the other loads use what it leaves undrawn ({@link LoadBudget}).
     */
    default boolean capped() {
        return false;
    }

    /** What is wrong with its units or its terms after the last {@link #apply}: shown as alarms. */
    default List<AlarmCondition> alarms() {
        return List.of();
    }

    /** Reads its units for this cycle; called once per cycle, before the limits are evaluated. */
    List<LoadUnit> observe(Cycle cycle);

    /**
     * Follows its share of the budget: {@code grant.maxMinerKw()} is the most its units may draw, with the
     * decision's hold and reason.
     *
     * @return the power its commands allow now
     */
    double apply(Arbiter.Decision grant, Cycle cycle);
}
