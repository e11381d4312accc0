package io.containeredge.site.api;

import java.util.List;

/**
 * The miners of the container, reached over the CGMiner-style API at {@code host:basePort+i}.
 * Miner i sits on PDU {@code i / socketsPerPdu}, socket {@code i % socketsPerPdu}.
 *
 * @param groups curtailment priorities by index range; miners in no group have priority 0
 */
public record MinerFleetConfig(int count, String host, int basePort, double ratedPowerW, int socketsPerPdu,
        List<MinerGroup> groups) {

    public MinerFleetConfig {
        groups = List.copyOf(groups);
    }

    public MinerFleetConfig(int count, String host, int basePort, double ratedPowerW, int socketsPerPdu) {
        this(count, host, basePort, ratedPowerW, socketsPerPdu, List.of());
    }

    /** The curtailment priority of a miner. */
    public int priorityOf(int miner) {
        return groups.stream().filter(g -> g.contains(miner)).mapToInt(MinerGroup::priority).findFirst().orElse(0);
    }
}
