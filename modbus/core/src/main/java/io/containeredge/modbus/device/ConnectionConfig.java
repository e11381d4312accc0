package io.containeredge.modbus.device;

import java.time.Duration;

/**
 * One Modbus connection; several devices (unit ids) may share it, as behind a container's gateway.
 *
 * @param transport tcp, rtu (serial) or rtu-over-tcp
 * @param minDelay pause enforced between two requests (slow RS485 gateways)
 * @param maxGap unused registers a request may bridge
 */
public record ConnectionConfig(
        String id,
        String transport,
        String host,
        int port,
        String serialPort,
        int baudRate,
        String parity,
        int dataBits,
        int stopBits,
        Duration timeout,
        Duration minDelay,
        int maxGap,
        Duration backoffInitial,
        Duration backoffMax) {

    /** The same connection on another TCP endpoint, e.g. a simulator's ephemeral port. */
    public ConnectionConfig at(String newHost, int newPort) {
        return new ConnectionConfig(id, transport, newHost, newPort, serialPort, baudRate, parity, dataBits, stopBits,
                timeout, minDelay, maxGap, backoffInitial, backoffMax);
    }

    /** Human-readable endpoint for logs and diagnostics. */
    public String endpoint() {
        return "rtu".equals(transport) ? serialPort + "@" + baudRate : transport + "://" + host + ":" + port;
    }
}
