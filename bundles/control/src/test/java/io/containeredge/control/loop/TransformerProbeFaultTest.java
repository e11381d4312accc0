package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.power.PowerInputs;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.modbus.value.PointValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transformer monitor's status bits as the input mapper reads them from the demo site's monitor: a
 * probe fault makes its temperatures invalid, so the power guard's thermal model takes over; the alarm
 * and trip bits reach the power guard.
 */
class TransformerProbeFaultTest {

    private final List<PointValue> image = new ArrayList<>();

    private PowerInputs power(boolean probeFault, boolean alarm, boolean trip) throws Exception {
        SiteConfig site = SiteDocuments.loadBuiltIn("demo-container").config();
        image.add(PointValue.good("transformer", "winding_temp", 80.0, "degC", 1));
        image.add(PointValue.good("transformer", "top_oil_temp", 60.0, "degC", 1));
        image.add(PointValue.good("transformer", "ambient_temp", 25.0, "degC", 1));
        image.add(PointValue.good("transformer", "status_bits.probe_fault", probeFault, "", 1));
        image.add(PointValue.good("transformer", "status_bits.alarm", alarm, "", 1));
        image.add(PointValue.good("transformer", "status_bits.trip", trip, "", 1));
        return new InputMapper(site).map(new Snapshot(1, image), 1, 0, 0).power();
    }

    @Test
    void aProbeFaultMakesTheTransformerTemperaturesInvalid() throws Exception {
        PowerInputs p = power(true, false, false);
        assertFalse(p.windingC().good());
        assertFalse(p.topOilC().good());
        assertTrue(p.windingC().why().contains("probe fault"), p.windingC().why());
        assertTrue(p.windingC().why().contains("transformer/status_bits.probe_fault"), p.windingC().why());
    }

    @Test
    void withoutAProbeFaultTheReadingsAreTrusted() throws Exception {
        PowerInputs p = power(false, false, false);
        assertEquals(80.0, p.windingC().value());
        assertEquals(60.0, p.topOilC().value());
        assertFalse(p.transformerAlarm().set());
        assertFalse(p.transformerTrip().set());
    }

    @Test
    void theAlarmAndTripBitsReachThePowerGuard() throws Exception {
        assertTrue(power(false, true, false).transformerAlarm().set());
        image.clear();
        assertTrue(power(false, false, true).transformerTrip().set());
    }
}
