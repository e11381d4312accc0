package io.containeredge.simulator.fault;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What fault commands may name: the simulated devices with their points, the number of miners and the GPU servers'
 * ids.
 */
public record FaultCatalog(Map<String, Set<String>> pointsByDevice, int minerCount, Set<String> gpuServers) {

    public FaultCatalog {
        pointsByDevice = Map.copyOf(new TreeMap<>(pointsByDevice));
        gpuServers = Set.copyOf(gpuServers);
    }

    /** A site without GPU servers. */
    public FaultCatalog(Map<String, Set<String>> pointsByDevice, int minerCount) {
        this(pointsByDevice, minerCount, Set.of());
    }
}
