package io.containeredge.simulator.modbus;

import static io.containeredge.simulator.modbus.TestPoints.point;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.Table;
import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.device.PointWrite;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server over real TCP on loopback, with j2mod's master as the client. */
class ModbusTcpServerTest {

    private ModbusTcpServer server;
    private DeviceImage image;
    private DeviceImage other;
    private UnitFaults faults;
    private final List<ModbusTCPMaster> clients = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        image = TestPoints.sampleDevice();
        other = new DeviceImage("other", List.of(point("x", Table.HOLDING_REGISTER, 0, DataType.UINT16, 1, false)));
        other.set("x", 7);
        server = new ModbusTcpServer(InetAddress.getLoopbackAddress(), 0);
        faults = server.addUnit(1, image);
        server.addUnit(2, other);
        server.start();
    }

    @AfterEach
    void tearDown() {
        clients.forEach(ModbusTCPMaster::disconnect);
        server.close();
    }

    private ModbusTCPMaster client(int timeoutMs) throws Exception {
        ModbusTCPMaster m = new ModbusTCPMaster("127.0.0.1", server.port());
        m.setRetries(0);
        m.setTimeout(timeoutMs);
        m.connect();
        clients.add(m);
        return m;
    }

    @Test
    void readsEveryTable() throws Exception {
        ModbusTCPMaster m = client(1000);
        Register[] holding = m.readMultipleRegisters(1, 0, 4);
        assertEquals(3850, holding[0].getValue());
        assertEquals(500, holding[1].getValue());
        assertEquals(1, holding[2].getValue());
        assertEquals(70000 - 65536, holding[3].getValue());
        InputRegister[] input = m.readInputRegisters(1, 100, 2);
        int bits = (input[0].getValue() << 16) | input[1].getValue();
        assertEquals(860.5f, Float.intBitsToFloat(bits));
        BitVector discrete = m.readInputDiscretes(1, 0, 2);
        assertFalse(discrete.getBit(0));
        assertTrue(discrete.getBit(1));
        assertEquals(7, m.readMultipleRegisters(2, 0, 1)[0].getValue());
    }

    @Test
    void writesAreDecodedIntoNamedValues() throws Exception {
        ModbusTCPMaster m = client(1000);
        m.writeCoil(1, 1, true);
        BitVector coils = new BitVector(3);
        coils.setBit(0, true);
        coils.setBit(2, true);
        m.writeMultipleCoils(1, 0, coils);
        m.writeSingleRegister(1, 1, new SimpleRegister(755));
        m.writeMultipleRegisters(1, 2, new Register[] {new SimpleRegister(0), new SimpleRegister(1234)});
        BitVector read = m.readCoils(1, 0, 3);
        assertTrue(read.getBit(0));
        assertFalse(read.getBit(1));
        assertTrue(read.getBit(2));
        List<PointWrite> writes = image.drainWrites();
        assertEquals(List.of("c1", "c0", "c1", "c2", "setpoint", "energy"),
                writes.stream().map(PointWrite::point).toList());
        assertEquals(75.5, writes.get(4).number(), 1e-9);
        assertEquals(1234.0, writes.get(5).number());
        assertEquals(75.5, image.number("setpoint"), 1e-9);
    }

    @Test
    void exceptionResponses() throws Exception {
        ModbusTCPMaster m = client(1000);
        assertEquals(2, slaveError(() -> m.readMultipleRegisters(1, 3, 2)), "a register outside the map");
        assertEquals(2, slaveError(() -> m.readInputRegisters(1, 0, 1)));
        assertEquals(2, slaveError(() -> m.writeSingleRegister(1, 0, new SimpleRegister(1))), "read-only point");
        assertEquals(11, slaveError(() -> m.readMultipleRegisters(42, 0, 1)), "unknown unit id");
        // what j2mod refuses to send, over a raw socket
        assertArrayEquals(new byte[] {(byte) 0x83, 3}, raw(1, new byte[] {3, 0, 0, 0, 126}), "126 registers");
        assertArrayEquals(new byte[] {(byte) 0x81, 3}, raw(1, new byte[] {1, 0, 0, 0x07, (byte) 0xD1}), "2001 coils");
        assertArrayEquals(new byte[] {(byte) 0x87, 1}, raw(1, new byte[] {7}), "function 7");
        assertArrayEquals(new byte[] {(byte) 0x85, 3}, raw(1, new byte[] {5, 0, 0, 0x12, 0x34}), "coil value");
        assertArrayEquals(new byte[] {(byte) 0x90, 3}, raw(1, new byte[] {16, 0, 1, 0, 1, 4, 0, 1, 0, 2}),
                "byte count mismatch");
    }

    @Test
    void injectedExceptionSlowAndMalformed() throws Exception {
        ModbusTCPMaster m = client(1000);
        faults.setExceptionCode(4);
        assertEquals(4, slaveError(() -> m.readMultipleRegisters(1, 0, 1)));
        faults.clear();
        faults.setDelayMillis(300);
        long t0 = System.nanoTime();
        m.readMultipleRegisters(1, 0, 1);
        assertTrue(System.nanoTime() - t0 >= 290_000_000L);
        faults.clear();
        faults.setMalformed(true);
        byte[] truncated = raw(1, new byte[] {3, 0, 0, 0, 2});
        assertEquals(3, truncated.length, "half of the 6-byte response PDU");
        assertEquals(3, truncated[0]);
        assertEquals(4, truncated[1], "byte count still claims 4 bytes");
    }

    @Test
    void garbageClosesOnlyThatConnection() throws Exception {
        ModbusTCPMaster good = client(1000);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(2000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertEquals(-1, s.getInputStream().read(), "server closes a connection that sends garbage");
        }
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(new byte[] {0, 1, 0, 0, (byte) 0xFF, (byte) 0xFF, 1});
        }
        assertEquals(3850, good.readMultipleRegisters(1, 0, 1)[0].getValue());
        assertEquals(3850, client(1000).readMultipleRegisters(1, 0, 1)[0].getValue());
    }

    @Test
    void offlineUnitTimesOutWhileAnotherUnitAnswers() throws Exception {
        faults.setOffline(true);
        ModbusTCPMaster m = client(300);
        assertThrows(ModbusException.class, () -> m.readMultipleRegisters(1, 0, 1));
        assertEquals(7, client(1000).readMultipleRegisters(2, 0, 1)[0].getValue());
        faults.setOffline(false);
        assertEquals(3850, client(1000).readMultipleRegisters(1, 0, 1)[0].getValue());
    }

    @Test
    void refusesNonLoopbackAddresses() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        assertThrows(IllegalArgumentException.class, () -> new ModbusTcpServer(any, 0));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static int slaveError(Call call) {
        ModbusSlaveException e = assertThrows(ModbusSlaveException.class, call::run);
        return e.getType();
    }

    /** Sends one request PDU on a fresh socket and returns the response PDU. */
    private byte[] raw(int unit, byte[] pdu) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            byte[] frame = new byte[7 + pdu.length];
            frame[1] = 9;
            frame[5] = (byte) (pdu.length + 1);
            frame[6] = (byte) unit;
            System.arraycopy(pdu, 0, frame, 7, pdu.length);
            out.write(frame);
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] header = new byte[7];
            in.readFully(header);
            assertEquals(9, header[1], "transaction id echoed");
            byte[] response = new byte[((header[4] & 0xFF) << 8 | header[5] & 0xFF) - 1];
            in.readFully(response);
            return response;
        }
    }
}
