package io.containeredge.simulator.modbus;

/** A Modbus server of the simulator, whatever its medium: what a site connection is served by. */
public interface ModbusServer extends AutoCloseable {

    /** Adds (or replaces) a unit id; the returned faults object controls its fault behaviour. */
    UnitFaults addUnit(int unitId, RegisterSpace space);

    /** Starts serving requests; units may still be added afterwards. */
    ModbusServer start();

    /** Where clients reach it, for humans: {@code 127.0.0.1:15020}, {@code /dev/pts/3 (rtu)}. */
    String endpoint();

    @Override
    void close();
}
