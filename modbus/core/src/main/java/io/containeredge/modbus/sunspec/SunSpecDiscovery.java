package io.containeredge.modbus.sunspec;

import io.containeredge.modbus.client.ModbusClient;
import io.containeredge.modbus.client.ModbusFailure;
import io.containeredge.modbus.profile.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a device's SunSpec models: the 'SunS' marker at one of the base addresses, then the chain of
 * (model id, L, body) up to the end model id 0xFFFF. The walk is bounded by the address space and by
 * {@link #MAX_MODELS}, so a corrupt or mirrored register map ends in a {@link SunSpecException}, never
 * in an endless poll.
 */
public final class SunSpecDiscovery {

    /** 'SunS' as two holding registers. */
    public static final int MARKER_HIGH = 0x5375;
    public static final int MARKER_LOW = 0x6E53;
    /** The model id that ends the chain (followed by L = 0). */
    public static final int END_MODEL_ID = 0xFFFF;
    /**
     * More models than any real device carries (a few dozen at most); a longer chain means a device that
     * repeats its registers and must not keep the poller reading for minutes.
     */
    static final int MAX_MODELS = 200;

    private static final int LAST_ADDRESS = 0xFFFF;

    private SunSpecDiscovery() {
    }

    /**
     * Probes each base in order and walks the chain at the first one carrying the marker.
     *
     * @throws ModbusFailure if the device does not answer (timeout, I/O); an exception response at a base
     *     only means "nothing there" and the next base is tried
     * @throws SunSpecException if no base has the marker or the chain after it is malformed
     */
    public static List<DiscoveredModel> discover(ModbusClient client, int unitId, List<Integer> bases)
            throws ModbusFailure, SunSpecException {
        for (int base : bases) {
            if (hasMarker(client, unitId, base)) {
                return walk(client, unitId, base);
            }
        }
        throw new SunSpecException("no 'SunS' marker at base address(es) " + bases + " of unit " + unitId);
    }

    private static boolean hasMarker(ModbusClient client, int unitId, int base) throws ModbusFailure {
        if (base < 0 || base + 1 > LAST_ADDRESS) {
            return false;
        }
        try {
            int[] words = client.read(unitId, Table.HOLDING_REGISTER, base, 2);
            return words[0] == MARKER_HIGH && words[1] == MARKER_LOW;
        } catch (ModbusFailure f) {
            if (f.kind() == ModbusFailure.Kind.EXCEPTION) {
                return false;
            }
            throw f;
        }
    }

    private static List<DiscoveredModel> walk(ModbusClient client, int unitId, int base)
            throws ModbusFailure, SunSpecException {
        List<DiscoveredModel> chain = new ArrayList<>();
        int address = base + 2;
        while (chain.size() <= MAX_MODELS) {
            if (address + 1 > LAST_ADDRESS) {
                throw malformed(base, chain, "the chain reaches register 65535 without an end marker");
            }
            int[] header = readHeader(client, unitId, base, address, chain);
            int id = header[0];
            int length = header[1];
            if (id == END_MODEL_ID) {
                return List.copyOf(chain);
            }
            if (id == 0) {
                throw malformed(base, chain, "model id 0 at register " + address);
            }
            if (address + 1 + length > LAST_ADDRESS) {
                throw malformed(base, chain, "model " + id + " at register " + address + " declares L = " + length
                        + ", which runs past register 65535");
            }
            chain.add(new DiscoveredModel(id, length, address + 2));
            address += 2 + length;
        }
        throw malformed(base, chain, "more than " + MAX_MODELS + " models: the chain does not end");
    }

    private static int[] readHeader(ModbusClient client, int unitId, int base, int address,
            List<DiscoveredModel> chain) throws ModbusFailure, SunSpecException {
        try {
            return client.read(unitId, Table.HOLDING_REGISTER, address, 2);
        } catch (ModbusFailure f) {
            if (f.kind() == ModbusFailure.Kind.EXCEPTION) {
                throw malformed(base, chain, "the device refuses register " + address + " (exception code "
                        + f.exceptionCode() + ") where a model header or the end marker belongs");
            }
            throw f;
        }
    }

    private static SunSpecException malformed(int base, List<DiscoveredModel> chain, String reason) {
        List<Integer> ids = chain.stream().map(DiscoveredModel::id).toList();
        return new SunSpecException("malformed SunSpec chain at base " + base + " after models " + ids + ": "
                + reason);
    }
}
