package io.containeredge.simulator.modbus;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * Modbus RTU framing: address, PDU, CRC-16/Modbus (low byte first). RTU has no length field, so the
 * length of a request follows from its function code: 8 bytes for 1..6, 7 + byte count + 2 for 15
 * and 16. Any other function code cannot be delimited and is garbage. A frame with a bad CRC is
 * ignored, as an RTU slave must: the sender may have been addressing someone else.
 */
public final class RtuFraming implements Framing {

    /** Largest RTU frame (spec: 256 bytes, address + 253-byte PDU + CRC). */
    public static final int MAX_FRAME = 256;

    @Override
    public Request read(int first, DataInputStream in) throws IOException {
        int fc = in.readUnsignedByte();
        byte[] frame;
        if (fc >= 1 && fc <= 6) {
            frame = new byte[8];
            in.readFully(frame, 2, 6);
        } else if (fc == 15 || fc == 16) {
            byte[] head = new byte[7];
            in.readFully(head, 2, 5);
            frame = new byte[7 + (head[6] & 0xFF) + 2];
            System.arraycopy(head, 0, frame, 0, 7);
            in.readFully(frame, 7, frame.length - 7);
        } else {
            throw new BadFrameException("RTU frame with function code " + fc + " cannot be delimited");
        }
        frame[0] = (byte) first;
        frame[1] = (byte) fc;
        int n = frame.length;
        int crc = crc(frame, 0, n - 2);
        if ((frame[n - 2] & 0xFF) != (crc & 0xFF) || (frame[n - 1] & 0xFF) != crc >> 8) {
            throw new BadFrameException("RTU frame with a bad CRC");
        }
        byte[] pdu = new byte[n - 3];
        System.arraycopy(frame, 1, pdu, 0, pdu.length);
        return new Request(0, first & 0xFF, pdu);
    }

    @Override
    public byte[] frame(Request request, byte[] responsePdu) {
        byte[] out = new byte[responsePdu.length + 3];
        out[0] = (byte) request.unitId();
        System.arraycopy(responsePdu, 0, out, 1, responsePdu.length);
        int crc = crc(out, 0, out.length - 2);
        out[out.length - 2] = (byte) crc;
        out[out.length - 1] = (byte) (crc >> 8);
        return out;
    }

    /** No slave on the bus has that address, so nobody answers. */
    @Override
    public byte[] unknownUnit(int functionCode) {
        return null;
    }

    /** CRC-16/Modbus (reflected polynomial 0xA001, initial value 0xFFFF) of {@code length} bytes. */
    public static int crc(byte[] bytes, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }
}
