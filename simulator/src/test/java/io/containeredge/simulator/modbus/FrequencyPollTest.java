package io.containeredge.simulator.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.plan.ReadRequest;
import io.containeredge.modbus.poll.DeviceListener;
import io.containeredge.modbus.poll.PointResolver;
import io.containeredge.modbus.poll.PollingService;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteDocuments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo site's grid frequency point over real Modbus TCP: read on its own, in its own request, every 100 ms (its
 * {@code grid.frequency.poll}), while the rest of meter-main keeps its poll classes; a dip injected into the simulator
 * is read within a poll.
 */
class FrequencyPollTest {

    private Simulator sim;
    private PollingService polling;
    private final ProcessImage image = new ProcessImage();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    @AfterEach
    void tearDown() {
        if (polling != null) {
            polling.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void theFrequencyIsReadOnItsOwnEvery100Ms() throws Exception {
        LoadedSite site = SiteDocuments.loadBuiltIn("demo-container");
        DeviceConfig meter = site.config().device("meter-main").orElseThrow();
        assertEquals(Map.of("frequency", Duration.ofMillis(100)), meter.dedicatedPolls());
        sim = Simulator.start(site, SimulatorOptions.forTests().withServeMiners(false));
        ConnectionConfig c = site.config().connection("container-gw").orElseThrow();
        polling = new PollingService(image, new DeviceListener() {
            @Override
            public void values(List<PointValue> values) {
                values.forEach(v -> reads.computeIfAbsent(v.point(), p -> new AtomicInteger()).incrementAndGet());
            }

            @Override
            public void onlineChanged(String device, boolean online, String reason) {
            }
        }, p -> PointResolver.fixed(p.points()));
        polling.addDevice(meter, site.profileOf("meter-main"), c.at("127.0.0.1", sim.port(c.id())));
        Thread.sleep(1_500);
        int frequency = reads.get("frequency").get();
        int voltage = reads.get("voltage_l1").get();
        // 15 polls in 1.5 s at 100 ms; a loaded machine may lose a few, never down to the 1 s class's rate
        assertTrue(frequency >= 10, "frequency read " + frequency + " times in 1.5 s");
        assertTrue(voltage <= 3, "voltage (normal class, 1 s) read " + voltage + " times");
        List<ReadRequest> alone = polling.pollers().get(0).devices().get(0).plannedRequests().stream()
                .filter(r -> r.points().stream().anyMatch(p -> p.name().equals("frequency"))).toList();
        assertEquals(1, alone.size());
        assertEquals(List.of("frequency"), alone.get(0).points().stream().map(p -> p.name()).toList(),
                "its own request");
        assertEquals(60, image.snapshot(System.currentTimeMillis()).get("meter-main", "frequency").asDouble(), 0.021);

        sim.inject("freq-dip 59.5 20");
        long injected = System.nanoTime();
        double hz = 60;
        while (hz > 59.6 && System.nanoTime() - injected < 2_000_000_000L) {
            Thread.sleep(5);
            hz = image.snapshot(System.currentTimeMillis()).get("meter-main", "frequency").asDouble();
        }
        long seenMillis = (System.nanoTime() - injected) / 1_000_000;
        assertEquals(59.5, hz, 0.021, "the dip read");
        assertTrue(seenMillis < 1_000, "read " + seenMillis + " ms after the injection");
    }
}
