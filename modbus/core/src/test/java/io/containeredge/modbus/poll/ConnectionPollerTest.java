package io.containeredge.modbus.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.client.ModbusClient;
import io.containeredge.modbus.client.ModbusFailure;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.profile.Order;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.modbus.profile.Table;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller against a scripted in-memory client: fault isolation, back-off, recovery. */
class ConnectionPollerTest {

    /** What a unit does when asked. */
    enum Behaviour { ANSWER, SILENT, EXCEPTION, MALFORMED }

    static final class ScriptedClient implements ModbusClient {
        final Map<Integer, Behaviour> units = new ConcurrentHashMap<>();
        final Map<Integer, Integer> asked = new ConcurrentHashMap<>();

        @Override
        public void connect() {
        }

        @Override
        public int[] read(int unitId, Table table, int start, int count) throws ModbusFailure {
            asked.merge(unitId, 1, Integer::sum);
            switch (units.getOrDefault(unitId, Behaviour.ANSWER)) {
                case SILENT -> {
                    sleep(100);
                    throw new ModbusFailure(ModbusFailure.Kind.TIMEOUT, "no response", null);
                }
                case EXCEPTION -> throw new ModbusFailure(ModbusFailure.Kind.EXCEPTION, 4, "slave failure", null);
                case MALFORMED -> throw new ModbusFailure(ModbusFailure.Kind.MALFORMED, "bad frame", null);
                default -> {
                    int[] r = new int[count];
                    for (int i = 0; i < count; i++) {
                        r[i] = 3850 + i;
                    }
                    return r;
                }
            }
        }

        final List<String> writes = new CopyOnWriteArrayList<>();

        @Override
        public void write(int unitId, Table table, int start, int[] values) {
            writes.add(unitId + ":" + table.key() + ":" + start + "=" + java.util.Arrays.toString(values));
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public void close() {
        }

        static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    final ProcessImage image = new ProcessImage();
    final ScriptedClient client = new ScriptedClient();
    final List<String> events = new CopyOnWriteArrayList<>();
    PollingService polling;

    static final PointDef TEMP = new PointDef("supply_temp", Table.HOLDING_REGISTER, 0, DataType.INT16, 1, 0.01, 0,
            "degC", -20.0, 120.0, Set.of(), true, null, PollClass.FAST, false, Order.BIG, Order.BIG, Map.of(), Map.of(), "");

    void start(int... units) {
        start(Duration.ZERO, units);
    }

    void start(Duration minDelay, int... units) {
        ConnectionConfig conn = new ConnectionConfig("gw", "tcp", "127.0.0.1", 1502, "", 9600, "none", 8, 1,
                Duration.ofMillis(100), minDelay, 16, Duration.ofMillis(200), Duration.ofMillis(800));
        polling = new PollingService(image, new DeviceListener() {
            @Override
            public void values(List<PointValue> values) {
            }

            @Override
            public void onlineChanged(String device, boolean online, String reason) {
                events.add(device + (online ? " online" : " offline"));
            }
        }, c -> client, profile -> PointResolver.fixed(profile.points()));
        DeviceProfile profile = new DeviceProfile("p", "", List.of(TEMP), List.of(), null);
        for (int unit : units) {
            DeviceConfig d = new DeviceConfig("dev" + unit, "other", "p", "gw", unit, true, false, 3,
                    Map.of(PollClass.FAST, Duration.ofMillis(50)));
            polling.addDevice(d, profile, conn);
        }
    }

    @AfterEach
    void stop() {
        polling.close();
    }

    DeviceDiagnostics diag(String device) {
        return polling.diagnostics().stream().filter(d -> d.device().equals(device)).findFirst().orElseThrow();
    }

    @Test
    void silentDeviceIsBackedOffAndDoesNotStarveItsNeighbour() throws InterruptedException {
        client.units.put(2, Behaviour.SILENT);
        start(1, 2);
        Thread.sleep(2000);
        DeviceDiagnostics healthy = diag("dev1");
        DeviceDiagnostics silent = diag("dev2");
        // 2 s at 50 ms is 40 polls; the silent unit's ~6 timeouts of 100 ms cost the healthy one ~12
        // of them; without back-off the silent unit would hold the connection most of the time
        assertTrue(healthy.requests() >= 20, "healthy device polled " + healthy.requests() + " times");
        assertTrue(silent.requests() <= 8, "silent device asked " + silent.requests() + " times");
        assertTrue(silent.errors().get("timeout") >= 2);
        assertFalse(silent.online());
        assertTrue(silent.backoffMillis() > 0);
        assertTrue(events.contains("dev2 offline"));
        long now = System.currentTimeMillis();
        assertEquals(Quality.GOOD, image.snapshot(now).get("dev1", "supply_temp").quality());
        assertEquals(38.5, image.snapshot(now).get("dev1", "supply_temp").asDouble(), 1e-9);
        assertEquals(Quality.MISSING, image.snapshot(now).get("dev2", "supply_temp").quality());
    }

    @Test
    void deviceThatAnswersAgainComesBackOnline() throws InterruptedException {
        client.units.put(1, Behaviour.SILENT);
        start(1);
        Thread.sleep(600);
        assertFalse(diag("dev1").online());
        client.units.put(1, Behaviour.ANSWER);
        Thread.sleep(1500);
        assertTrue(diag("dev1").online());
        assertEquals(List.of("dev1 offline", "dev1 online"), events);
        assertEquals(Quality.GOOD, image.snapshot(System.currentTimeMillis()).get("dev1", "supply_temp").quality());
    }

    @Test
    void exceptionResponsesMarkPointsInvalidAndAreCountedByCode() throws InterruptedException {
        client.units.put(1, Behaviour.EXCEPTION);
        client.units.put(2, Behaviour.MALFORMED);
        start(1, 2);
        Thread.sleep(500);
        DeviceDiagnostics exceptions = diag("dev1");
        assertTrue(exceptions.online(), "a device answering with exceptions is online");
        assertTrue(exceptions.exceptionCodes().get(4) >= 3);
        PointValue v = image.snapshot(System.currentTimeMillis()).get("dev1", "supply_temp");
        assertEquals(Quality.INVALID, v.quality());
        assertTrue(v.reason().contains("exception 4"));
        assertTrue(diag("dev2").errors().get("malformed") >= 2);
        assertFalse(diag("dev2").online());
    }

    @Test
    void valuesGoStaleAfterThreePollPeriodsWithoutReads() throws InterruptedException {
        start(1);
        Thread.sleep(300);
        long now = System.currentTimeMillis();
        assertEquals(Quality.GOOD, image.snapshot(now).get("dev1", "supply_temp").quality());
        client.units.put(1, Behaviour.SILENT);
        Thread.sleep(400);
        assertEquals(Quality.STALE, image.snapshot(System.currentTimeMillis()).get("dev1", "supply_temp").quality());
    }

    @Test
    void minimumDelayBetweenRequestsIsHonoured() throws InterruptedException {
        start(Duration.ofMillis(100), 1, 2, 3);
        Thread.sleep(1000);
        long total = polling.diagnostics().stream().mapToLong(DeviceDiagnostics::requests).sum();
        // without the delay three devices at 50 ms would make ~60 requests; with it at most ~10
        assertTrue(total >= 6 && total <= 11, "requests in 1 s with 100 ms minimum delay: " + total);
    }

    @Test
    void writesGoThroughThePollerThreadAndComplete() throws Exception {
        start(1);
        PointDef setpoint = new PointDef("pump_speed_setpoint", Table.HOLDING_REGISTER, 30, DataType.UINT16, 1, 0.1, 0,
                "%", 0.0, 100.0, Set.of(), true, null, PollClass.NORMAL, true, Order.BIG, Order.BIG, Map.of(), Map.of(), "");
        polling.pollers().get(0).write(1, setpoint, new int[] {855}).get(2, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of("1:holding:30=[855]"), client.writes);
    }

    @Test
    void writesByPointNameAreValidatedAndEncodedLikeReads() throws Exception {
        start(1);
        Thread.sleep(200);
        polling.write("dev1", "supply_temp", 38.5).handle((ok, e) -> {
            assertTrue(e instanceof IllegalArgumentException && e.getMessage().contains("not writable"), String.valueOf(e));
            return null;
        }).get(2, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(polling.write("nope", "x", 1).isCompletedExceptionally());
        assertTrue(client.writes.isEmpty(), "refused writes send nothing");
    }
}
