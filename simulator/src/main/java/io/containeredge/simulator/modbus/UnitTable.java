package io.containeredge.simulator.modbus;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unit ids behind one server (a TCP port or a serial bus) and what each answers, faults
 * included. Shared by {@link ModbusTcpServer} and {@link ModbusSerialServer}, so a fault behaves the
 * same whatever the medium; only an unknown unit id differs, and the framing decides that.
 */
final class UnitTable {

    private final Map<Integer, Unit> units = new ConcurrentHashMap<>();

    private record Unit(RegisterSpace space, UnitFaults faults) {
    }

    /** Adds (or replaces) a unit id; the returned faults object controls its fault behaviour. */
    UnitFaults add(int unitId, RegisterSpace space) {
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unit id must be 0..255");
        }
        UnitFaults faults = new UnitFaults();
        units.put(unitId, new Unit(space, faults));
        return faults;
    }

    /**
     * The response PDU for a request, or null for no response at all. Faults: offline swallows the
     * request (the client times out), slow delays the response, exception answers a fixed code,
     * malformed cuts the response PDU in half while the framing stays consistent, so a client sees a
     * short, unparsable response rather than a framing error.
     */
    byte[] respond(int unitId, byte[] pdu, Framing framing) {
        Unit unit = units.get(unitId);
        int fc = pdu[0] & 0xFF;
        if (unit == null) {
            return framing.unknownUnit(fc);
        }
        UnitFaults faults = unit.faults();
        if (faults.offline()) {
            return null;
        }
        byte[] response = faults.exceptionCode() != 0
                ? PduHandler.exception(fc, faults.exceptionCode())
                : PduHandler.handle(unit.space(), pdu);
        long delay = faults.delayMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        // the unit may have gone offline while the response was delayed
        if (faults.offline()) {
            return null;
        }
        if (faults.malformed()) {
            response = Arrays.copyOf(response, Math.max(1, response.length / 2));
        }
        return response;
    }
}
