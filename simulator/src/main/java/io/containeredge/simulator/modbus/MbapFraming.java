package io.containeredge.simulator.modbus;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * Modbus TCP framing: a 7-byte MBAP header (transaction id, protocol id 0, length, unit id), then
 * the PDU. A protocol id other than 0 or a length outside 2..254 is garbage: a TCP stream cannot be
 * resynchronised after it, so the server drops that connection.
 */
public final class MbapFraming implements Framing {

    @Override
    public Request read(int first, DataInputStream in) throws IOException {
        byte[] header = new byte[7];
        header[0] = (byte) first;
        in.readFully(header, 1, 6);
        int protocol = PduHandler.u16(header, 2);
        int length = PduHandler.u16(header, 4);
        if (protocol != 0 || length < 2 || length > 254) {
            throw new BadFrameException("garbage MBAP header");
        }
        byte[] pdu = new byte[length - 1];
        in.readFully(pdu);
        return new Request(PduHandler.u16(header, 0), header[6] & 0xFF, pdu);
    }

    @Override
    public byte[] frame(Request request, byte[] responsePdu) {
        byte[] out = new byte[7 + responsePdu.length];
        out[0] = (byte) (request.transactionId() >> 8);
        out[1] = (byte) request.transactionId();
        int length = responsePdu.length + 1;
        out[4] = (byte) (length >> 8);
        out[5] = (byte) length;
        out[6] = (byte) request.unitId();
        System.arraycopy(responsePdu, 0, out, 7, responsePdu.length);
        return out;
    }

    @Override
    public byte[] unknownUnit(int functionCode) {
        return PduHandler.exception(functionCode, ModbusError.GATEWAY_TARGET_FAILED);
    }
}
