package io.containeredge.simulator;

import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.simulator.redfish.GpuSimulation;
import java.net.InetAddress;
import java.util.Map;

/**
 * How a simulator runs. Immutable; start from {@link #defaults()} and use the withers.
 *
 * @param bindAddress loopback address every server binds to (anything else is refused)
 * @param modbusBasePort for connections served on TCP (tcp, rtu-over-tcp): null: each on the port of
 *     the site file; 0: each on an ephemeral port; N: the first on N, the next on N+1, ... (file order)
 * @param minerBasePort null: miner i on the site's miners.basePort + i; 0: ephemeral ports; N: N + i
 * @param seed seed of all randomness (sensor noise, miners' temperature spread): same seed, same
 *     run; the miners' hashrate spread has its own seed in the site's simulation section
 * @param realTime true: a thread steps the model with the wall clock; false: only {@link Simulator#advance}
 *     moves time (tests)
 * @param timeScale simulated seconds per wall-clock second in real-time mode (e.g. 60 to watch a
 *     transformer warm up); 1 by default
 * @param faultScript text of a fault script ({@code at <seconds>s <command>} lines), or null
 * @param configSource where SunSpec model definitions come from (a site's firmware-config directory,
 *     falling back to the built-in ones)
 * @param epochStartMillis simulated wall-clock time at start (miner "When"), or null for now
 * @param serveMiners whether to serve the miner fleet's API at all
 * @param serialDevices connection id to the serial device (e.g. one end of a socat pty pair) an
 *     {@code rtu} connection of the site is served on; an rtu connection without one is not served
 * @param gpu the simulated GPU servers' workload and their BMCs' dialect and login (for a site with an ai section)
 */
public record SimulatorOptions(
        InetAddress bindAddress,
        Integer modbusBasePort,
        Integer minerBasePort,
        long seed,
        boolean realTime,
        double timeScale,
        String faultScript,
        ConfigSource configSource,
        Long epochStartMillis,
        boolean serveMiners,
        Map<String, String> serialDevices,
        GpuSimulation gpu) {

    public SimulatorOptions {
        // a copy, so the options stay immutable whatever the caller does with its map
        serialDevices = Map.copyOf(serialDevices);
    }

    public static SimulatorOptions defaults() {
        return new SimulatorOptions(InetAddress.getLoopbackAddress(), null, null, 1L, true, 1.0, null,
                ConfigSource.builtIn(), null, true, Map.of(),
                GpuSimulation.defaults());
    }

    /**
     * For tests: ephemeral ports everywhere, virtual time, a fixed epoch at night in West Texas (2023-11-15 08:13
     * UTC, 02:13 local), so that a site's PV plant there gives nothing unless a test chooses a time of day.
     */
    public static SimulatorOptions forTests() {
        return defaults().withModbusBasePort(0).withMinerBasePort(0).withRealTime(false)
                .withEpochStartMillis(1_700_036_000_000L).withGpu(GpuSimulation.defaults().onEphemeralPorts());
    }

    public SimulatorOptions withBindAddress(InetAddress v) {
        return new SimulatorOptions(v, modbusBasePort, minerBasePort, seed, realTime, timeScale, faultScript,
                configSource, epochStartMillis, serveMiners, serialDevices, gpu);
    }

    public SimulatorOptions withModbusBasePort(Integer v) {
        return new SimulatorOptions(bindAddress, v, minerBasePort, seed, realTime, timeScale, faultScript,
                configSource, epochStartMillis, serveMiners, serialDevices, gpu);
    }

    public SimulatorOptions withMinerBasePort(Integer v) {
        return new SimulatorOptions(bindAddress, modbusBasePort, v, seed, realTime, timeScale, faultScript,
                configSource, epochStartMillis, serveMiners, serialDevices, gpu);
    }

    public SimulatorOptions withSeed(long v) {
        return new SimulatorOptions(bindAddress, modbusBasePort, minerBasePort, v, realTime, timeScale, faultScript,
                configSource, epochStartMillis, serveMiners, serialDevices, gpu);
    }

    public SimulatorOptions withRealTime(boolean v) {
        return new SimulatorOptions(bindAddress, modbusBasePort, minerBasePort, seed, v, timeScale, faultScript,
                configSource, epochStartMillis, serveMiners, serialDevices, gpu);
    }

    public SimulatorOptions withTimeScale(double v) {
        if (!(v > 0 && v <= 1000)) {
            throw new IllegalArgumentException("time scale must be in (0, 1000]");
        }
        return new SimulatorOptions(bindAddress, modbusBasePort, minerBasePort, seed, realTime, v, faultScript,
                configSource, epochStartMillis, serveMiners, serialDevices, gpu);
    }

    public SimulatorOptions withFaultScript(String v) {
        return new SimulatorOptions(bindAddress, modbusBasePort, minerBasePort, seed, realTime, timeScale, v,
                configSource, epochStartMillis, serveMiners, serialDevices, gpu);
    }

    public SimulatorOptions withConfigSource(ConfigSource v) {
        return new SimulatorOptions(bindAddress, modbusBasePort, minerBasePort, seed, realTime, timeScale, faultScript,
                v, epochStartMillis, serveMiners, serialDevices, gpu);
    }

    public SimulatorOptions withEpochStartMillis(Long v) {
        return new SimulatorOptions(bindAddress, modbusBasePort, minerBasePort, seed, realTime, timeScale, faultScript,
                configSource, v, serveMiners, serialDevices, gpu);
    }

    public SimulatorOptions withServeMiners(boolean v) {
        return new SimulatorOptions(bindAddress, modbusBasePort, minerBasePort, seed, realTime, timeScale, faultScript,
                configSource, epochStartMillis, v, serialDevices, gpu);
    }

    public SimulatorOptions withSerialDevices(Map<String, String> v) {
        return new SimulatorOptions(bindAddress, modbusBasePort, minerBasePort, seed, realTime, timeScale, faultScript,
                configSource, epochStartMillis, serveMiners, v, gpu);
    }

    public SimulatorOptions withGpu(GpuSimulation v) {
        return new SimulatorOptions(bindAddress, modbusBasePort, minerBasePort, seed, realTime, timeScale, faultScript,
                configSource, epochStartMillis, serveMiners, serialDevices, v);
    }
}
