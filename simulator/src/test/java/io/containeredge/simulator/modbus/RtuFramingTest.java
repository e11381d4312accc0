package io.containeredge.simulator.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** RTU framing without any medium: CRC, request delimiting by function code, bad frames. */
class RtuFramingTest {

    private final RtuFraming rtu = new RtuFraming();

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static DataInputStream stream(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    private Framing.Request read(byte[] frame) throws IOException {
        DataInputStream in = stream(frame);
        return rtu.read(in.read(), in);
    }

    @Test
    void crcOfAKnownFrameIsSentLowByteFirst() {
        byte[] request = bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x0A);
        assertEquals(0xCDC5, RtuFraming.crc(request, 0, request.length));
        byte[] framed = rtu.frame(new Framing.Request(0, 1, bytes(0x03, 0x00, 0x00, 0x00, 0x0A)),
                bytes(0x03, 0x00, 0x00, 0x00, 0x0A));
        assertArrayEquals(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD), framed);
    }

    @Test
    void readHoldingRegistersIsEightBytes() throws IOException {
        // a second request right behind the first: only the first 8 bytes belong to it
        DataInputStream in = stream(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD,
                0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD));
        Framing.Request r = rtu.read(in.read(), in);
        assertEquals(1, r.unitId());
        assertEquals(0, r.transactionId());
        assertArrayEquals(bytes(0x03, 0x00, 0x00, 0x00, 0x0A), r.pdu());
        assertEquals(8, in.available());
    }

    @Test
    void writeMultipleRegistersLengthFollowsItsByteCount() throws IOException {
        // the write-multiple-registers example of the Modbus serial line guides: unit 17, 2 registers
        Framing.Request r = read(bytes(0x11, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02, 0xC6, 0xF0));
        assertEquals(17, r.unitId());
        assertArrayEquals(bytes(0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02), r.pdu());
    }

    @Test
    void badCrcIsIgnored() {
        assertThrows(Framing.BadFrameException.class,
                () -> read(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xCD, 0xC5)), "CRC bytes swapped");
        assertThrows(Framing.BadFrameException.class,
                () -> read(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x0B, 0xC5, 0xCD)), "a data bit flipped");
    }

    @Test
    void functionCodesThatCannotBeDelimitedAreGarbage() {
        assertThrows(Framing.BadFrameException.class, () -> read(bytes(0x01, 0x07, 0x41, 0xE2)));
        assertThrows(Framing.BadFrameException.class, () -> read(bytes('G', 'E', 'T', ' ', '/')));
    }

    @Test
    void unknownUnitsAreSilentOnAnRtuBusButNotBehindATcpGateway() {
        assertNull(rtu.unknownUnit(3));
        assertArrayEquals(bytes(0x83, 0x0B), new MbapFraming().unknownUnit(3));
    }
}
