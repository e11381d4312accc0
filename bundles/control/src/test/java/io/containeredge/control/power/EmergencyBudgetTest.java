package io.containeredge.control.power;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.control.api.Reading;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.power.PowerInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The power guard's emergency budget, as a pure function of its state: a budget all but spent cannot be reached
 * through the running loop without half an hour of derating first, so the guard is given that state directly.
 * The import stays at the 2200 kW it found (the miners follow a derate 3 s late, so they never bring the import
 * under the allowed one, from which the next step is taken).
 */
class EmergencyBudgetTest {

    private static final double EPS = 1e-6;
    private static final long CYCLE_MS = 250;

    private static ContainerInputs at(long millis, double windingC) {
        PowerInputs p = new PowerInputs(Reading.of(2200, "meter/active_power"),
                Reading.of(windingC, "transformer/winding_temp"),
                Reading.bad("transformer/top_oil_temp", "invalid: 0x8000"), Reading.of(30, "transformer/ambient_temp"),
                Reading.bad("battery/m802.SoC", "no battery"), Reading.of(0, "battery/m103.W"),
                Reading.of(0, "transformer/status_bits.alarm"), Reading.of(0, "transformer/status_bits.trip"));
        return new ContainerInputs(millis, List.of(), p, 2000, 2500);
    }

    @Test
    void spentEmergencyBudgetSwitchesToTheFastReduction() {
        PowerConfig cfg = PowerConfig.defaults(PowerSite.LIMITS, BatteryLimits.none());
        PowerState s = PowerState.initial();
        long now = 0;
        for (; now < 10_000; now += CYCLE_MS) {
            s = PowerGuard.evaluate(at(now, 95), cfg, s).state();
        }
        s = new PowerState(s.transformer(), s.thermalAllowedKw(), 1790, s.minerLimitKw(), s.batteryKw(), s.safe(),
                s.lastBadMillis(), s.overrunSinceMillis(), s.lastMillis(), s.batteryShortSinceMillis());
        double[] allowed = new double[120];
        for (; now < 30_000; now += CYCLE_MS) {
            PowerGuard.Outcome o = PowerGuard.evaluate(at(now, 115), cfg, s);
            s = o.state();
            allowed[(int) (now / CYCLE_MS)] = o.allowedImportKw();
        }
        // 10 s left of the 30 min budget at 2 kW/s, then 20 kW/s
        assertEquals(0.5 * 39, 2200 - allowed[78], EPS); // 19.5 s
        assertEquals(5 * 40, allowed[79] - allowed[119], EPS); // 19.75 s and 29.75 s
    }
}
