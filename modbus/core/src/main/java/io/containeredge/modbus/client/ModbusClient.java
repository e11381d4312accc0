package io.containeredge.modbus.client;

import io.containeredge.modbus.profile.Table;

/**
 * One Modbus connection (TCP, RTU over serial or RTU over TCP) that can reach several unit ids.
 * Implementations are not thread-safe: one poller thread owns a client.
 */
public interface ModbusClient extends AutoCloseable {

    /** Opens the connection if it is not open. */
    void connect() throws ModbusFailure;

    /**
     * Reads {@code count} registers or bits (function code 1, 2, 3 or 4 by table).
     *
     * @return one int per register (0..65535) or per bit (0 or 1), exactly {@code count} of them
     */
    int[] read(int unitId, Table table, int start, int count) throws ModbusFailure;

    /**
     * Writes registers or coils: function code 5 or 6 for a single value, 15 or 16 for several.
     */
    void write(int unitId, Table table, int start, int[] values) throws ModbusFailure;

    /** Whether the connection is believed to be open. */
    boolean isConnected();

    @Override
    void close();
}
