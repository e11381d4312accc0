package io.containeredge.control.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import org.junit.jupiter.api.Test;

/**
 * The transformer monitor's own alarm and trip bits count even when its temperature reading does not show
 * it: trip as a hot spot above the emergency limit (fast derate), alarm as one above the continuous limit.
 */
class TransformerStatusBitsTest {

    private static final double EPS = 1e-6;

    private static AlarmCondition alarm(VirtualPowerSite c, String id) {
        return c.last().outcome().verdict().alarms().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    @Test
    void aTripBitDeratesFastThoughTheWindingReadsNormal() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.none());
        c.windingC = 95;
        c.runUntil(10);
        assertEquals(Double.POSITIVE_INFINITY, c.state.thermalAllowedKw());

        c.tripBit = true;
        c.runUntil(20);
        // the emergency rate, as for a measured hot spot above 140 degC: 20 kW/s from the 2200 kW found
        assertEquals(2200 - 200, c.last().allowedKw(), 20 * 0.25 + EPS);
        assertTrue(c.last().outcome().hotSpotC() > 140, "hot spot acted on: " + c.last().outcome().hotSpotC());
        AlarmCondition trip = alarm(c, "power.transformer-trip");
        assertEquals(Severity.CRITICAL, trip.severity());
        assertEquals("transformer/status_bits.trip", trip.source());
        assertEquals(Severity.CRITICAL, alarm(c, "power.hot-spot").severity());
    }

    @Test
    void anAlarmBitDeratesAtTheContinuousRate() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.none());
        c.windingC = 95;
        c.runUntil(10);
        c.alarmBit = true;
        c.runUntil(70);
        // as a measured hot spot above 110 degC: 2 kW/s for 60 s from the 2200 kW found
        assertEquals(2080, c.last().allowedKw(), 0.5 + EPS);
        assertEquals(Severity.WARNING, alarm(c, "power.transformer-alarm").severity());
        assertEquals(Severity.WARNING, alarm(c, "power.hot-spot").severity());
        assertTrue(c.last().outcome().verdict().reason().contains("status_bits.alarm"), c.last().outcome().verdict().reason());

        c.alarmBit = false;
        c.runUntil(75);
        assertEquals(null, alarm(c, "power.transformer-alarm"), "the alarm clears with the bit");
        assertFalse(c.last().outcome().hotSpotC() > 110);
    }

    @Test
    void aHotterReadingThanTheBitImpliesIsKept() {
        VirtualPowerSite c = new VirtualPowerSite(BatteryLimits.none());
        c.windingC = 150;
        c.alarmBit = true;
        c.runUntil(1);
        assertEquals(150, c.last().outcome().hotSpotC(), EPS);
        assertEquals(Severity.CRITICAL, alarm(c, "power.hot-spot").severity());
    }
}
