package io.containeredge.simulator.modbus;

import static io.containeredge.simulator.modbus.RtuFramingTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.modbus.device.ConnectionConfig;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serial RTU over a socat pseudo-terminal pair: the gateway's client opens one end through j2mod and
 * jSerialComm at 19200 baud, {@link ModbusSerialServer} the other end.
 */
class SerialRtuTest extends RtuClientContract {

    @TempDir
    Path dir;

    private SocatPair pty;

    @Override
    protected ModbusServer openServer() throws Exception {
        pty = SocatPair.start(dir);
        return new ModbusSerialServer(pty.simulator());
    }

    @Override
    protected ConnectionConfig connection() {
        return new ConnectionConfig("bus", "rtu", "", 0, pty.gateway().toString(), 19200, "none", 8, 1,
                TIMEOUT, Duration.ZERO, 0, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @Override
    protected void closeMedium() throws InterruptedException {
        if (pty != null) {
            pty.close();
        }
    }

    @Test
    void badFramesAreIgnoredAndTheNextFrameIsServed() throws Exception {
        try (FileOutputStream out = new FileOutputStream(pty.gateway().toFile());
                FileInputStream file = new FileInputStream(pty.gateway().toFile())) {
            DataInputStream in = new DataInputStream(file);
            out.write(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x01, 0x0A, 0x84));
            assertSilent(in, "bad CRC");
            out.write(bytes(0x01, 0x03, 0x00, 0x00));
            assertSilent(in, "a frame cut short");
            out.write(bytes(0x01, 0x07, 0x41, 0xE2));
            assertSilent(in, "function code 7 cannot be delimited");
            out.write(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x01, 0x84, 0x0A));
            // readFully, not readNBytes: the JDK 17 readNBytes seeks, which a terminal cannot
            byte[] response = new byte[7];
            in.readFully(response);
            assertArrayEquals(bytes(0x01, 0x03, 0x02, 0x0F, 0x0A), Arrays.copyOf(response, 5));
            assertEquals(RtuFraming.crc(response, 0, 5), (response[5] & 0xFF) | (response[6] & 0xFF) << 8);
        }
    }

    /** Nothing arrives for well over the server's frame pause plus its handling. */
    private static void assertSilent(DataInputStream in, String what) throws IOException, InterruptedException {
        Thread.sleep(200);
        assertEquals(0, in.available(), what + ": no response");
    }
}
