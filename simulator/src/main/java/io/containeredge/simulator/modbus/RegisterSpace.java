package io.containeredge.simulator.modbus;

import io.containeredge.modbus.profile.Table;

/** What a unit id behind the server exposes: its four tables, with its own address checks. */
public interface RegisterSpace {

    /**
     * Reads {@code count} registers (0..65535 each) or bits (0/1).
     *
     * @throws ModbusError with {@link ModbusError#ILLEGAL_DATA_ADDRESS} if any address is not mapped
     */
    int[] read(Table table, int start, int count) throws ModbusError;

    /**
     * Writes registers or coils; all-or-nothing.
     *
     * @throws ModbusError with {@link ModbusError#ILLEGAL_DATA_ADDRESS} if any address is not writable
     */
    void write(Table table, int start, int[] values) throws ModbusError;
}
