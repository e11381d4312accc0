package io.containeredge.control.power;

import static io.containeredge.control.power.PowerSite.RATING_KW;
import static io.containeredge.control.power.PowerSite.site;
import static io.containeredge.control.scenario.Events.transformerBit;
import static io.containeredge.control.scenario.Events.windingAt;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The transformer monitor's status bits in the running loop, on the {@link PowerSite}. */
class TransformerStatusBitsTest {

    private static final double EPS = 1e-6;

    private static AlarmCondition alarm(Scenario c, String id) {
        return c.last().condition(id);
    }

    @Test
    void aTripBitDeratesFastThoughTheWindingReadsNormal() {
        Scenario c = site(false).when(windingAt(95)).at(10, s);
        assertEquals(RATING_KW, c.last().allowedKw(), "no hot-spot reduction");
        assertFalse(c.last().verdict("power").reason().contains("hot-spot reduction"), c.last().verdict("power").reason());

        c.when(transformerBit("trip", true)).at(20, s);
        // the emergency rate, as for a measured hot spot above 140 degC: 20 kW/s from the 2200 kW found
        assertEquals(2200 - 200, c.last().allowedKw(), 20 * 0.25 + EPS);
        AlarmCondition hot = alarm(c, "power.hot-spot");
        assertTrue(hot.reading() > 140, "hot spot acted on: " + hot.reading());
        AlarmCondition trip = alarm(c, "power.transformer-trip");
        assertEquals(Severity.CRITICAL, trip.severity());
        assertEquals("transformer/status_bits.trip", trip.source());
        assertEquals(Severity.CRITICAL, hot.severity());
    }

    @Test
    void anAlarmBitDeratesAtTheContinuousRate() {
        Scenario c = site(false).when(windingAt(95)).at(10, s);
        c.when(transformerBit("alarm", true)).at(70, s);
        // as a measured hot spot above 110 degC: 2 kW/s for 60 s from the 2200 kW found
        assertEquals(2080, c.last().allowedKw(), 0.5 + EPS);
        assertEquals(Severity.WARNING, alarm(c, "power.transformer-alarm").severity());
        assertEquals(Severity.WARNING, alarm(c, "power.hot-spot").severity());
        String reason = c.last().verdict("power").reason();
        assertTrue(reason.contains("status_bits.alarm"), reason);

        c.when(transformerBit("alarm", false)).at(75, s);
        assertNull(alarm(c, "power.transformer-alarm"), "the alarm clears with the bit");
        assertNull(alarm(c, "power.hot-spot"), "the hot spot acted on is 110 degC or less again");
    }

    @Test
    void aHotterReadingThanTheBitImpliesIsKept() {
        Scenario c = site(false).when(windingAt(150), transformerBit("alarm", true)).at(1, s);
        AlarmCondition hot = alarm(c, "power.hot-spot");
        assertEquals(150, hot.reading(), EPS);
        assertEquals(Severity.CRITICAL, hot.severity());
    }
}
