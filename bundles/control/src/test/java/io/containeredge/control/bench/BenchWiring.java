package io.containeredge.control.bench;

import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.poll.PollingService;
import io.containeredge.simulator.Simulator;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteConfig;
import java.util.ArrayList;
import java.util.List;

/** The benchmarks' gateway side against an in-process simulator: its devices polled, its miners as endpoints. */
final class BenchWiring {

    private BenchWiring() {
    }

    /** Polls every device of the site where the simulator serves it. */
    static void pollAll(PollingService polling, LoadedSite site, Simulator sim) {
        SiteConfig s = site.config();
        for (DeviceConfig d : s.devices()) {
            ConnectionConfig c = s.connection(d.connection()).orElseThrow();
            polling.addDevice(d, site.profileOf(d.id()), c.at("127.0.0.1", sim.port(c.id())));
        }
    }

    /** Every simulated miner as the miner client reaches it, at the fleet's rated power. */
    static List<MinerEndpoint> minerEndpoints(SiteConfig s, Simulator sim) {
        List<MinerEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < s.miners().count(); i++) {
            endpoints.add(new MinerEndpoint(i, "127.0.0.1", sim.minerPort(i), s.miners().ratedPowerW()));
        }
        return endpoints;
    }
}
