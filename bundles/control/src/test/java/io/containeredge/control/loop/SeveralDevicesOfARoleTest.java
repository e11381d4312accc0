package io.containeredge.control.loop;

import io.containeredge.control.power.PowerInputs;
import io.containeredge.control.scenario.Scenario;
import io.containeredge.control.thermal.ThermalGuard;
import io.containeredge.control.thermal.ThermalState.Stage;
import io.containeredge.control.thermal.ThermalState;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.modbus.value.PointValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.reading;
import static io.containeredge.control.scenario.Expectations.thermalStage;
import static io.containeredge.control.scenario.Scenario.given;
import static io.containeredge.control.scenario.Scenario.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site with two CDUs, two transformer monitors and two meters: every device of a role is guarded, not
 * the first in the list. Each CDU is a cooling loop of its own (any trip cause trips, a bad reading on
 * either is bad, the hottest supply governs), the hottest transformer counts, and the import is read from
 * the meter marked {@code import: true} wherever it is listed.
 */
class SeveralDevicesOfARoleTest {

    static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    /** The demo site with a second CDU and a second transformer monitor, and the auxiliary meter listed first. */
    static SiteConfig twoOfEach() throws Exception {
        SiteConfig demo = SiteDocuments.loadBuiltIn("demo-container").config();
        DeviceConfig cdu = demo.device("cdu").orElseThrow();
        DeviceConfig transformer = demo.device("transformer").orElseThrow();
        List<DeviceConfig> devices = new ArrayList<>(demo.devices());
        devices.add(new DeviceConfig("cdu-2", "cdu", cdu.profile(), cdu.connection(), 31, true, false, 3,
                cdu.pollPeriods()));
        devices.add(new DeviceConfig("transformer-2", "transformer", transformer.profile(), transformer.connection(),
                32, true, false, 3, transformer.pollPeriods()));
        DeviceConfig aux = demo.device("meter-aux").orElseThrow();
        devices.remove(aux);
        devices.add(0, aux);
        return new SiteConfig(demo.site(), demo.container(), demo.description(), demo.connections(), devices,
                demo.miners(), demo.limits(), demo.api(), demo.simulation(), demo.control());
    }

    private final Map<String, PointValue> image = new LinkedHashMap<>();
    private final ControlConfig cfg = ControlConfig.defaults(SiteDocuments.loadBuiltIn("demo-container").config().limits());

    SeveralDevicesOfARoleTest() throws Exception {
        for (String cdu : List.of("cdu", "cdu-2")) {
            healthyCdu(cdu);
        }
        for (String t : List.of("transformer", "transformer-2")) {
            set(t, "winding_temp", 80.0);
            set(t, "top_oil_temp", 60.0);
            set(t, "ambient_temp", 25.0);
            set(t, "status_bits.alarm", false);
            set(t, "status_bits.trip", false);
            set(t, "status_bits.probe_fault", false);
        }
        set("meter-main", "active_power", 1500.0);
        set("meter-aux", "m203.W", 20_000.0);
    }

    private void healthyCdu(String cdu) {
        set(cdu, "supply_temp", 36.0);
        set(cdu, "return_temp", 42.0);
        set(cdu, "flow", 120.0);
        set(cdu, "pump_state", "running");
        set(cdu, "alarm_bits.leak", false);
        set(cdu, "alarm_bits.smoke", false);
        set(cdu, "alarm_bits.level_low", false);
        set(cdu, "fault_bits", 0.0);
    }

    private void set(String device, String point, Object value) {
        image.put(device + "/" + point, PointValue.good(device, point, value, "", T0));
    }

    private ContainerInputs inputs() throws Exception {
        return new InputMapper(twoOfEach()).map(new Snapshot(T0, List.copyOf(image.values())), 0, 100, 840);
    }

    private ThermalGuard.Outcome thermal() throws Exception {
        return ThermalGuard.evaluate(inputs(), cfg, ThermalState.initial());
    }

    @Test
    void bothCdusAreHealthySoNothingIsCurtailed() throws Exception {
        assertEquals(2, inputs().coolingLoops().size());
        assertEquals(Stage.NORMAL, thermal().state().stage());
    }

    @Test
    void aPumpStoppedOnTheSecondCduTrips() throws Exception {
        set("cdu-2", "pump_state", "stopped");
        ThermalGuard.Outcome t = thermal();
        assertEquals(Stage.TRIPPED, t.state().stage());
        assertTrue(t.state().latchReason().contains("cdu-2/pump_state"), t.state().latchReason());
    }

    @Test
    void aLeakOrLowFlowOnTheSecondCduTrips() throws Exception {
        set("cdu-2", "alarm_bits.leak", true);
        assertEquals(Stage.TRIPPED, thermal().state().stage());
        set("cdu-2", "alarm_bits.leak", false);
        set("cdu-2", "flow", 10.0);
        assertEquals(Stage.TRIPPED, thermal().state().stage());
    }

    @Test
    void aTripOnOneLoopIsNotHiddenByABadReadingOnTheOther() throws Exception {
        image.put("cdu/supply_temp", PointValue.invalid("cdu", "supply_temp", "degC", T0, "0x8000"));
        set("cdu-2", "pump_state", "stopped");
        assertEquals(Stage.TRIPPED, thermal().state().stage());
    }

    @Test
    void aBadReadingOnTheSecondCduIsTheFailSafeLevel() throws Exception {
        image.put("cdu-2/supply_temp", PointValue.invalid("cdu-2", "supply_temp", "degC", T0, "0x8000"));
        ThermalGuard.Outcome t = thermal();
        assertEquals(Stage.SAFE, t.state().stage());
        assertTrue(t.verdict().reason().contains("cdu-2/supply_temp"), t.verdict().reason());
    }

    @Test
    void theHottestSupplyGovernsAndTheColdestHoldsWakeUps() throws Exception {
        set("cdu-2", "supply_temp", 41.0);
        ThermalGuard.Outcome hot = thermal();
        assertEquals(Stage.WARNING, hot.state().stage());
        assertEquals("cdu-2/supply_temp", inputs().cooling().supplyC().source(), "the console shows the governing loop");
        assertTrue(hot.cooling().any(), "cooling raised");

        set("cdu-2", "supply_temp", 36.0);
        set("cdu", "supply_temp", 18.0);
        assertTrue(thermal().verdict().holdWake(), "one loop below the low limit holds wake-ups");
    }

    @Test
    void theHottestTransformerAndTheMarkedImportMeterAreRead() throws Exception {
        set("transformer-2", "winding_temp", 125.0);
        PowerInputs p = inputs().power();
        assertEquals(125.0, p.windingC().value());
        assertEquals("transformer-2/winding_temp", p.windingC().source());
        assertEquals("meter-main/active_power", p.importKw().source(), "the marked meter, though listed after another");
        assertEquals(1500.0, p.importKw().value());

        image.put("transformer/winding_temp", PointValue.invalid("transformer", "winding_temp", "degC", T0, "0x8000"));
        assertFalse(inputs().power().windingC().good(), "a bad reading on either monitor is bad");
    }

    @Test
    void theCoolingActuatorRaisesPumpsAndFansOnEveryCdu() throws Exception {
        Scenario sc = given(container().dataIn(dir).site(twoOfEach())).when(x -> image.forEach((key, v) -> {
            if (v.device().equals("cdu-2") || v.device().equals("transformer-2")) {
                x.image().set(v.device(), v.point(), v.value());
            }
        })).runFor(2, s);
        assertTrue(sc.devices().writesTo("cdu-2").isEmpty(), "nothing to raise while both loops are healthy");
        sc.when(reading("cdu-2", "supply_temp", 41.0)).runFor(2, s);
        for (String cdu : List.of("cdu", "cdu-2")) {
            assertTrue(sc.devices().writesTo(cdu).stream().anyMatch(w -> w.point().equals("pump_speed_setpoint")),
                    "pump raised on " + cdu + ": " + sc.devices().writes());
            assertTrue(sc.devices().writesTo(cdu).stream().anyMatch(w -> w.point().equals("fan_speed_setpoint")),
                    "fans raised on " + cdu + ": " + sc.devices().writes());
        }
        sc.then(thermalStage("WARNING"));
    }
}
