package io.containeredge.control.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** At equal import and export prices a plan never shows importing and exporting in the same slot: the meter nets. */
class NettingTest {

    @Test
    void equalPricesNeverImportAndExportAtOnce() throws Exception {
        Plan plan = Problems.solve(Problems.hourly().slot(40, 40, 50, 100, 1000, 0).slot(40, 40, 300, 100, 1000, 0)
                .battery(Problems.BATTERY, 50).export(500).build());
        for (PlannedSlot s : plan.slots()) {
            assertEquals(0, Math.min(s.importKw(), s.exportKw()), 1e-6, "import or export, not both: " + s);
        }
        assertEquals(50, plan.slots().get(0).importKw() + plan.slots().get(0).dischargeKw()
                - plan.slots().get(0).chargeKw(), 1e-6, "100 kW of load less 50 kW of PV");
    }
}
