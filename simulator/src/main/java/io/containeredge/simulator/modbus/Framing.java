package io.containeredge.simulator.modbus;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * How request and response PDUs are wrapped on the wire: MBAP for Modbus TCP ({@link MbapFraming}),
 * address + CRC for RTU, on a serial line or tunnelled through TCP ({@link RtuFraming}). The servers
 * own the medium (socket, character device) and the faults; a framing only turns bytes into a
 * {@link Request} and a response PDU back into bytes.
 */
public interface Framing {

    /**
     * One decoded request.
     *
     * @param transactionId the MBAP transaction id to echo; 0 for RTU, which has none
     */
    record Request(int transactionId, int unitId, byte[] pdu) {
    }

    /**
     * Reads the rest of one request whose first byte has already been read (servers read it
     * separately, because waiting for a request has no time limit but finishing one has).
     *
     * @throws BadFrameException if the bytes cannot be a request; nothing is answered
     */
    Request read(int first, DataInputStream in) throws IOException;

    /** The bytes to send for a response PDU to {@code request}. */
    byte[] frame(Request request, byte[] responsePdu);

    /**
     * The response PDU to a request for a unit id nobody serves, or null for none: a Modbus TCP
     * gateway answers exception 0x0B, while on an RS485 bus nobody answers and the master times out.
     */
    byte[] unknownUnit(int functionCode);

    /** The framing a site connection's transport calls for. */
    static Framing forTransport(String transport) {
        return switch (transport) {
            case "tcp" -> new MbapFraming();
            case "rtu", "rtu-over-tcp" -> new RtuFraming();
            default -> throw new IllegalArgumentException("no framing for transport " + transport);
        };
    }

    /** A frame that is not a Modbus request: garbage, or a corrupted RTU frame. */
    final class BadFrameException extends IOException {

        public BadFrameException(String message) {
            super(message, null);
        }
    }
}
