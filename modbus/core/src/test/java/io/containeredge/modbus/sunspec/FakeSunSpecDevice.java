package io.containeredge.modbus.sunspec;

import io.containeredge.modbus.client.ModbusClient;
import io.containeredge.modbus.client.ModbusFailure;
import io.containeredge.modbus.profile.Table;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory Modbus device: holding registers from a map; reading any address it does not hold, or
 * any other table, answers exception code 2 (illegal data address) like a real device.
 */
class FakeSunSpecDevice implements ModbusClient {

    final Map<Integer, Integer> holding = new HashMap<>();
    int reads;
    /** When set, every read fails with it, as a device that stopped answering. */
    ModbusFailure failure;

    /** A device serving a layout's headers, with every point's registers zero until set. */
    static FakeSunSpecDevice serving(SunSpecLayout layout) {
        FakeSunSpecDevice device = new FakeSunSpecDevice();
        for (int a = layout.base(); a < layout.base() + layout.length(); a++) {
            device.holding.put(a, 0);
        }
        device.holding.putAll(layout.headerRegisters());
        return device;
    }

    void set(int address, int... words) {
        for (int i = 0; i < words.length; i++) {
            holding.put(address + i, words[i]);
        }
    }

    @Override
    public void connect() {
    }

    @Override
    public int[] read(int unitId, Table table, int start, int count) throws ModbusFailure {
        reads++;
        if (failure != null) {
            throw failure;
        }
        if (table != Table.HOLDING_REGISTER) {
            throw illegalAddress(start);
        }
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            Integer w = holding.get(start + i);
            if (w == null) {
                throw illegalAddress(start + i);
            }
            words[i] = w;
        }
        return words;
    }

    @Override
    public void write(int unitId, Table table, int start, int[] values) throws ModbusFailure {
        if (table != Table.HOLDING_REGISTER) {
            throw illegalAddress(start);
        }
        set(start, values);
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public void close() {
    }

    private static ModbusFailure illegalAddress(int address) {
        return new ModbusFailure(ModbusFailure.Kind.EXCEPTION, 2, "illegal data address " + address, null);
    }
}
