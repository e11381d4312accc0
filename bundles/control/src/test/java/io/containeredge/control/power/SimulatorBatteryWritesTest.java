package io.containeredge.control.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.power.SunSpecBatteryWrites.Device;
import io.containeredge.control.power.SunSpecBatteryWrites.Mismatch;
import io.containeredge.modbus.codec.PointCodec;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.device.DeviceImage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writes as the simulated inverter receives them (registers encoded with the point's scale factor,
 * as the gateway's writer does): the battery follows them, reads them back, and idles by itself when
 * the reversion timer runs out.
 */
class SimulatorBatteryWritesTest {

    private Simulator sim;
    private DeviceImage battery;

    @BeforeEach
    void setUp() throws Exception {
        sim = Simulator.start(SiteDocuments.loadBuiltIn("demo-container"), SimulatorOptions.forTests().withServeMiners(false));
        sim.advance(Duration.ofSeconds(2));
        battery = sim.image("battery");
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    private Map<String, Object> points() {
        Map<String, Object> out = new HashMap<>();
        battery.points().forEach(p -> out.put(p.name(), battery.get(p.name()).value()));
        return out;
    }

    private void send(List<PointWrite> writes) throws Exception {
        for (PointWrite w : writes) {
            PointDef p = battery.point(w.point());
            Integer sf = p.scaleFactor() == null ? null : (int) battery.number(p.scaleFactor());
            battery.write(p.table(), p.address(), PointCodec.encode(p, w.value(), sf));
        }
    }

    @Test
    void model704SetpointIsFollowedReadBackAndRevertsToIdleAfterItsTimer() throws Exception {
        Device d = Device.of(points());
        assertEquals(new Device(true, true, true, 250_000), d);
        List<PointWrite> w = SunSpecBatteryWrites.writes(new BatteryCommand(100, "test"), d, 5, 1);
        send(w);
        sim.advance(Duration.ofSeconds(1));
        assertEquals(100, sim.model().battery().powerKw(), 1e-6, "discharging 100 kW");
        assertEquals(List.of(), SunSpecBatteryWrites.verify(w, points()));

        sim.advance(Duration.ofSeconds(5));
        assertEquals(0, sim.model().battery().powerKw(), "idle once the 5 s reversion ran out");
        List<Mismatch> wrong = SunSpecBatteryWrites.verify(w, points());
        assertEquals(List.of("m704.WSetEna"), wrong.stream().map(m -> m.write().point()).toList());
    }

    @Test
    void model124ChargeIsFollowedAndRevertsToIdle() throws Exception {
        Device d = new Device(false, true, true, Device.of(points()).wChaMaxW());
        List<PointWrite> w = SunSpecBatteryWrites.writes(new BatteryCommand(-50, "test"), d, 5, 1);
        send(w);
        sim.advance(Duration.ofSeconds(1));
        assertEquals(-50, sim.model().battery().powerKw(), 1e-6, "charging 50 kW");
        assertEquals(List.of(), SunSpecBatteryWrites.verify(w, points()));

        sim.advance(Duration.ofSeconds(5));
        assertEquals(0, sim.model().battery().powerKw());
        assertTrue(SunSpecBatteryWrites.verify(w, points()).stream()
                .anyMatch(m -> m.write().point().equals("m124.StorCtl_Mod")), "mode reads 0 after the reversion");
    }
}
