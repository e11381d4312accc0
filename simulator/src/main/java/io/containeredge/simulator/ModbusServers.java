package io.containeredge.simulator;

import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.simulator.modbus.Framing;
import io.containeredge.simulator.modbus.ModbusSerialServer;
import io.containeredge.simulator.modbus.ModbusServer;
import io.containeredge.simulator.modbus.ModbusTcpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** Which Modbus server serves which site connection, and on which port or device. */
final class ModbusServers {

    private static final Logger LOG = Logger.getLogger(ModbusServers.class.getName());

    private ModbusServers() {
    }

    /**
     * Opens (does not start) one server per simulated connection, in site order: tcp and rtu-over-tcp
     * on a loopback port ({@link SimulatorOptions#modbusBasePort()} decides which) with MBAP or RTU
     * framing, rtu on its {@link SimulatorOptions#serialDevices() serial device}. An rtu connection
     * without a device is not simulated. Servers go into {@code servers} as they open, so that the
     * caller can close what is open when a later one fails.
     */
    static void open(List<ConnectionConfig> connections, SimulatorOptions options, Map<String, ModbusServer> servers)
            throws IOException {
        int next = options.modbusBasePort() == null ? -1 : options.modbusBasePort();
        for (ConnectionConfig c : connections) {
            if ("rtu".equals(c.transport())) {
                String device = options.serialDevices().get(c.id());
                if (device == null) {
                    LOG.warning(() -> "connection " + c.id() + " (rtu) is not simulated: no serial device given");
                    continue;
                }
                servers.put(c.id(), new ModbusSerialServer(Path.of(device)));
                continue;
            }
            int port = next < 0 ? c.port() : next;
            if (next > 0) {
                next++;
            }
            servers.put(c.id(), new ModbusTcpServer(options.bindAddress(), port, Framing.forTransport(c.transport())));
        }
    }
}
