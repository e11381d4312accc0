package io.containeredge.control.actuators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.modbus.codec.PointCodec;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.site.api.SiteDocuments;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PV actuator's writes as the simulated inverter receives them (registers encoded with the point's scale
 * factor, as the gateway's writer does), at noon on midsummer's day: the plant follows the cap, the cap reads
 * back, falls back when it is no longer refreshed, and runs free once released.
 */
class SimulatorPvWritesTest {

    private Simulator sim;
    private DeviceImage pv;
    private long now;

    @BeforeEach
    void setUp() throws Exception {
        sim = Simulator.start(SiteDocuments.loadBuiltIn("demo-container"), SimulatorOptions.forTests()
                .withServeMiners(false).withEpochStartMillis(Instant.parse("2026-06-21T18:48:00Z").toEpochMilli()));
        advance(2);
        pv = sim.image("pv");
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    private void advance(int seconds) {
        sim.advance(Duration.ofSeconds(seconds));
        now += seconds * 1000L;
    }

    /** The inverter's points as the gateway's process image has them after a poll. */
    private Snapshot snapshot() {
        return new Snapshot(now, pv.points().stream().filter(p -> pv.get(p.name()).value() != null)
                .map(p -> PointValue.good("pv", p.name(), pv.get(p.name()).value(), "", now)).toList());
    }

    private final DeviceWriter writer = (device, point, value) -> {
        PointDef p = pv.point(point);
        Integer sf = p.scaleFactor() == null ? null : (int) pv.number(p.scaleFactor());
        try {
            pv.write(p.table(), p.address(), PointCodec.encode(p, value, sf));
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    };

    @Test
    void theCapIsFollowedReadBackFallsBackWithoutRefreshAndIsReleased() {
        assertTrue(sim.model().pv().kw() > 350, "noon: " + sim.model().pv().kw());
        PvActuator actuator = new PvActuator("pv", writer);
        assertEquals(Double.NaN, actuator.capInForcePct(snapshot()), "runs free");
        assertEquals(0, actuator.apply(25, 50, snapshot(), now).size());
        advance(1);
        assertEquals(100, sim.model().pv().kw(), 1, "25 % of 400 kW");
        advance(3);
        assertEquals(0, actuator.apply(25, 50, snapshot(), now).size(), "no write failure, the cap read back");
        assertEquals(25, actuator.capInForcePct(snapshot()), 0.5);

        advance(PvActuator.REVERSION_S);
        assertEquals(200, sim.model().pv().kw(), 1, "not refreshed: the fallback, 50 % of 400 kW");

        actuator.apply(Double.NaN, 50, snapshot(), now);
        advance(1);
        assertTrue(sim.model().pv().kw() > 350, "released: " + sim.model().pv().kw());
        assertEquals(Double.NaN, actuator.capInForcePct(snapshot()));
    }
}
