package io.containeredge.simulator.modbus;

import static io.containeredge.simulator.modbus.TestPoints.point;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.client.J2modClient;
import io.containeredge.modbus.client.ModbusFailure;
import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.Table;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.device.PointWrite;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway's {@link J2modClient} must get from the simulator's RTU slaves, whatever carries
 * the frames (TCP or a serial line): each subclass provides the medium.
 */
abstract class RtuClientContract {

    static final Duration TIMEOUT = Duration.ofMillis(500);

    protected DeviceImage image;
    protected UnitFaults faults;
    protected J2modClient client;
    private ModbusServer server;

    /** Opens the server (not yet started) on the subclass's medium. */
    protected abstract ModbusServer openServer() throws Exception;

    /** The gateway's connection to that server. */
    protected abstract ConnectionConfig connection();

    /** Releases the medium; runs after client and server are closed. */
    protected void closeMedium() throws Exception {
    }

    @BeforeEach
    void startServer() throws Exception {
        image = TestPoints.sampleDevice();
        DeviceImage other = new DeviceImage("other",
                List.of(point("x", Table.HOLDING_REGISTER, 0, DataType.UINT16, 1, false)));
        other.set("x", 7);
        server = openServer();
        faults = server.addUnit(1, image);
        server.addUnit(2, other);
        server.start();
        client = new J2modClient(connection());
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
            if (server != null) {
                server.close();
            }
        } finally {
            closeMedium();
        }
    }

    @Test
    void readsEveryTable() throws Exception {
        assertArrayEquals(new int[] {3850, 500, 1, 70000 - 65536}, client.read(1, Table.HOLDING_REGISTER, 0, 4));
        int[] power = client.read(1, Table.INPUT_REGISTER, 100, 2);
        assertEquals(860.5f, Float.intBitsToFloat(power[0] << 16 | power[1]));
        assertArrayEquals(new int[] {0, 0, 0}, client.read(1, Table.COIL, 0, 3));
        assertArrayEquals(new int[] {0, 1}, client.read(1, Table.DISCRETE_INPUT, 0, 2));
        assertArrayEquals(new int[] {7}, client.read(2, Table.HOLDING_REGISTER, 0, 1), "second unit on the bus");
    }

    @Test
    void writesWithEveryWriteFunction() throws Exception {
        client.write(1, Table.HOLDING_REGISTER, 1, new int[] {755});
        client.write(1, Table.HOLDING_REGISTER, 2, new int[] {0, 1234});
        client.write(1, Table.COIL, 1, new int[] {1});
        client.write(1, Table.COIL, 0, new int[] {1, 0, 1});
        assertArrayEquals(new int[] {755, 0, 1234}, client.read(1, Table.HOLDING_REGISTER, 1, 3));
        assertArrayEquals(new int[] {1, 0, 1}, client.read(1, Table.COIL, 0, 3));
        List<PointWrite> writes = image.drainWrites();
        assertEquals(List.of("setpoint", "energy", "c1", "c0", "c1", "c2"),
                writes.stream().map(PointWrite::point).toList(), "FC 6, 16, 5, 15 in order");
        assertEquals(75.5, image.number("setpoint"), 1e-9);
    }

    @Test
    void exceptionResponsesMapToException() throws Exception {
        ModbusFailure unmapped = assertThrows(ModbusFailure.class, () -> client.read(1, Table.HOLDING_REGISTER, 3, 2));
        assertEquals(ModbusFailure.Kind.EXCEPTION, unmapped.kind());
        assertEquals(2, unmapped.exceptionCode());
        faults.setExceptionCode(4);
        ModbusFailure injected = assertThrows(ModbusFailure.class, () -> client.read(1, Table.HOLDING_REGISTER, 0, 1));
        assertEquals(ModbusFailure.Kind.EXCEPTION, injected.kind());
        assertEquals(4, injected.exceptionCode());
        faults.clear();
        assertArrayEquals(new int[] {3850}, client.read(1, Table.HOLDING_REGISTER, 0, 1));
    }

    @Test
    void offlineUnitTimesOutWithinTheTimeoutAndComesBack() throws Exception {
        client.connect();
        faults.setOffline(true);
        assertTimesOut(1);
        assertArrayEquals(new int[] {7}, client.read(2, Table.HOLDING_REGISTER, 0, 1), "the other unit answers");
        faults.setOffline(false);
        assertArrayEquals(new int[] {3850}, client.read(1, Table.HOLDING_REGISTER, 0, 1));
    }

    @Test
    void unknownUnitGetsNoResponse() throws Exception {
        client.connect();
        assertTimesOut(42);
        assertArrayEquals(new int[] {3850}, client.read(1, Table.HOLDING_REGISTER, 0, 1));
    }

    private void assertTimesOut(int unitId) {
        long t0 = System.nanoTime();
        ModbusFailure f = assertThrows(ModbusFailure.class, () -> client.read(unitId, Table.HOLDING_REGISTER, 0, 1));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(ModbusFailure.Kind.TIMEOUT, f.kind(), f.getMessage() + " after " + ms + " ms");
        assertTrue(ms >= TIMEOUT.toMillis() - 50 && ms < TIMEOUT.toMillis() + 400, "timed out after " + ms + " ms");
    }
}
