package io.containeredge.site.api;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The miners of the container, reached at {@code host:basePort+i} in their firmware dialect (the CGMiner-style
 * TCP API unless the site or a model names another). Miner i sits on PDU {@code i / socketsPerPdu}, socket {@code i % socketsPerPdu}.
 *
 * @param ratedPowerW the rated power of a miner of no model; with a fleet {@code model}, that model's
 *     nominal power
 * @param groups curtailment priorities by index range, each optionally with its miners' model; miners in
 *     no group have priority 0
 * @param model the model of every miner whose group names none; empty on a site that names no model
 * @param dialect the firmware dialect of every miner whose group has none of its own: the one the miners section
 *     names, else the fleet model's, else the CGMiner-style one. What a site writes wins over what a model
 *     ships with, and a group's over the fleet's: group {@code dialect:}, fleet {@code dialect:}, the miner's
 *     model's, cgminer
 */
public record MinerFleetConfig(int count, String host, int basePort, double ratedPowerW, int socketsPerPdu,
        List<MinerGroup> groups, Optional<MinerModel> model, MinerDialect dialect) {

    public MinerFleetConfig {
        groups = List.copyOf(groups);
    }

    /** Miners that all speak the CGMiner-style dialect unless a group says otherwise. */
    public MinerFleetConfig(int count, String host, int basePort, double ratedPowerW, int socketsPerPdu,
            List<MinerGroup> groups, Optional<MinerModel> model) {
        this(count, host, basePort, ratedPowerW, socketsPerPdu, groups, model, MinerDialects.defaultDialect());
    }

    public MinerFleetConfig(int count, String host, int basePort, double ratedPowerW, int socketsPerPdu,
            List<MinerGroup> groups) {
        this(count, host, basePort, ratedPowerW, socketsPerPdu, groups, Optional.empty());
    }

    public MinerFleetConfig(int count, String host, int basePort, double ratedPowerW, int socketsPerPdu) {
        this(count, host, basePort, ratedPowerW, socketsPerPdu, List.of());
    }

    /** The curtailment priority of a miner. */
    public int priorityOf(int miner) {
        return groupOf(miner).map(MinerGroup::priority).orElse(0);
    }

    /** The model of a miner: its group's, else the fleet's; empty when the site names none for it. */
    public Optional<MinerModel> modelOf(int miner) {
        return groupOf(miner).flatMap(MinerGroup::model).or(() -> model);
    }

    /** The firmware dialect miner i speaks: its group's own, else the fleet's. */
    public MinerDialect dialectOf(int miner) {
        return groupOf(miner).flatMap(MinerGroup::dialect).orElse(dialect);
    }

    /** The rated power of a miner: its model's nominal power, else the fleet's {@link #ratedPowerW()}. */
    public double ratedPowerWOf(int miner) {
        return modelOf(miner).map(MinerModel::nominalPowerW).orElse(ratedPowerW);
    }

    /** The rated power of the whole fleet, W: the sum over its miners. */
    public double ratedFleetPowerW() {
        return IntStream.range(0, count).mapToDouble(this::ratedPowerWOf).sum();
    }

    private Optional<MinerGroup> groupOf(int miner) {
        return groups.stream().filter(g -> g.contains(miner)).findFirst();
    }
}
