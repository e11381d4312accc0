package io.containeredge.backtest;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.MinerSpread;
import io.containeredge.site.api.SimulationConfig;
import io.containeredge.site.api.SiteConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The sites the backtest's tests replay: the shipped mixed-fleet container, and tiny fleets made from it. */
final class Sites {

    static final Path ROOT = Path.of(System.getProperty("containeredge.root", "."));
    static final Path MIXED = ROOT.resolve("firmware-config/sites/mixed-container.yaml");
    static final Path SAMPLE_YEAR = ROOT.resolve("firmware-config/prices/sample-year-15min.csv");

    private Sites() {
    }

    static SiteConfig mixed() throws ConfigException {
        return BacktestCommand.site(MIXED.toString());
    }

    /**
     * One miner of the mixed site's fleet model (S21-class: 3,500 W, 200 TH/s, 4 s to sleep, 45 s to wake), hashing
     * exactly by its model's curve (no spread, not degraded); {@code model} false: of no model.
     */
    static SiteConfig oneS21(boolean model) throws ConfigException {
        SiteConfig s = mixed();
        MinerFleetConfig m = s.miners();
        MinerFleetConfig one = new MinerFleetConfig(1, m.host(), m.basePort(), m.ratedPowerW(), m.socketsPerPdu(),
                List.of(), model ? m.model() : Optional.empty());
        SimulationConfig sim = s.simulation();
        SimulationConfig exact = new SimulationConfig(sim.ambientC(), sim.minerSleepSeconds(), sim.minerWakeSeconds(),
                sim.batteryCapacityKwh(), sim.batteryInitialSocPct(), sim.auxiliaryLoadKw(), new MinerSpread(0, 1, 0,
                0));
        return new SiteConfig(s.site(), s.container(), s.description(), s.connections(), s.devices(), one, s.limits(),
                s.api(), exact, s.control(), s.economics());
    }
}
