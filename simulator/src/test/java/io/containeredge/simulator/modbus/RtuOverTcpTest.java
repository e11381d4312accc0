package io.containeredge.simulator.modbus;

import static io.containeredge.simulator.modbus.RtuFramingTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.modbus.profile.Table;
import io.containeredge.modbus.device.ConnectionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RTU framing on a TCP port, as an RTU-over-TCP converter serves a serial bus. */
class RtuOverTcpTest extends RtuClientContract {

    private ModbusTcpServer tcp;

    @Override
    protected ModbusServer openServer() throws IOException {
        tcp = new ModbusTcpServer(InetAddress.getLoopbackAddress(), 0, new RtuFraming());
        return tcp;
    }

    @Override
    protected ConnectionConfig connection() {
        return new ConnectionConfig("rtu-tcp", "rtu-over-tcp", "127.0.0.1", tcp.port(), "", 9600, "none", 8, 1,
                TIMEOUT, Duration.ZERO, 0, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @Test
    void rawFramesCarryAddressAndCrc() throws IOException {
        try (Socket s = socket()) {
            s.getOutputStream().write(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x01, 0x84, 0x0A));
            byte[] response = s.getInputStream().readNBytes(7);
            assertArrayEquals(bytes(0x01, 0x03, 0x02, 0x0F, 0x0A), Arrays.copyOf(response, 5), "3850 = 0x0F0A");
            assertEquals(RtuFraming.crc(response, 0, 5), (response[5] & 0xFF) | (response[6] & 0xFF) << 8);
        }
    }

    @Test
    void malformedFaultTruncatesThePduButKeepsTheCrcRight() throws IOException {
        faults.setMalformed(true);
        try (Socket s = socket()) {
            s.getOutputStream().write(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x02, 0xC4, 0x0B));
            byte[] response = s.getInputStream().readNBytes(6);
            assertArrayEquals(bytes(0x01, 0x03, 0x04, 0x0F), Arrays.copyOf(response, 4), "half of 03 04 0F 0A 01 F4");
            assertEquals(RtuFraming.crc(response, 0, 4), (response[4] & 0xFF) | (response[5] & 0xFF) << 8);
            s.setSoTimeout(300);
            assertEquals(-1, readOrTimeout(s.getInputStream()), "nothing after the short frame");
        }
    }

    @Test
    void badCrcOrGarbageGetsNoResponseAndDropsOnlyThatConnection() throws Exception {
        client.connect();
        try (Socket s = socket()) {
            s.getOutputStream().write(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x01, 0x0A, 0x84));
            assertEquals(-1, s.getInputStream().read(), "closed without a response");
        }
        try (Socket s = socket()) {
            s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());
            assertEquals(-1, s.getInputStream().read(), "closed without a response");
        }
        assertArrayEquals(new int[] {3850}, client.read(1, Table.HOLDING_REGISTER, 0, 1));
    }

    private Socket socket() throws IOException {
        Socket s = new Socket("127.0.0.1", tcp.port());
        s.setSoTimeout(2000);
        return s;
    }

    /** The next byte, or -1 at end of stream or when nothing comes within the socket timeout. */
    private static int readOrTimeout(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }
}
