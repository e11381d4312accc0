package io.containeredge.control.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.PlannerSettings;
import io.containeredge.site.api.PlannerSettings.Derating;
import io.containeredge.site.api.PlannerSettings.Export;
import io.containeredge.site.api.PlannerSettings.ExportPrice;
import io.containeredge.site.api.PlannerSettings.Storage;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Following one planned slot: the miners near the plan (its power plus the units' spread), the battery's target. */
class SlotFollowingTest {

    private static final long T = 1_800_000_000_000L;

    private static PlannerSettings settings(boolean battery) {
        return new PlannerSettings(battery ? Optional.of(new Storage(500, 10, 95, 250, 250, 0.9, 20)) : Optional.empty(),
                new Export(300, ExportPrice.MARKET, 0), 0, Optional.empty(), 0, Duration.ofMinutes(5),
                Duration.ofSeconds(5), 50, Derating.DEFAULT);
    }

    private static PlannedSlot slot(double miningKw, double batteryKw) {
        return new PlannedSlot(T, 500, 0, Math.max(0, -batteryKw), Math.max(0, batteryKw), 60, miningKw, 0, 0, 97, 0, 0,
                0, 0);
    }

    @Test
    void theMinersMayDrawThePlannedPowerAndTheUnitsSpreadAndTheBatteryIsAskedTheSlotsSetpoint() {
        SlotFollowing f = SlotFollowing.of(slot(600, -200), 900, settings(true), 35, "plan slot 08:00");
        assertEquals(600 * 1.05 + 35, f.verdict().maxMinerKw(), 1e-9);
        assertEquals(T + 15 * 60_000, f.verdict().untilMillis());
        assertEquals(-200, f.target().setpointKw());
        assertEquals(95, f.target().maxSocPct());
        assertEquals(300, f.target().exportLimitKw());
        assertTrue(f.verdict().reason().startsWith("plan slot 08:00: mining 600 kW, battery -200 kW"),
                f.verdict().reason());
    }

    @Test
    void aSlotRunningEveryPricedMinerLimitsNothingAndASiteWithoutABatteryIsAskedNothing() {
        SlotFollowing f = SlotFollowing.of(slot(899.8, 0), 900, settings(false), 35, "plan slot 08:00");
        assertEquals(Double.POSITIVE_INFINITY, f.verdict().maxMinerKw());
        assertNull(f.verdict().untilMillis());
        assertNull(f.target());
    }
}
