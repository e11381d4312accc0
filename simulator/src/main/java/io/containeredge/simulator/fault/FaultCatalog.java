package io.containeredge.simulator.fault;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What fault commands may name: the simulated devices with their points, and the number of miners. */
public record FaultCatalog(Map<String, Set<String>> pointsByDevice, int minerCount) {

    public FaultCatalog {
        pointsByDevice = Map.copyOf(new TreeMap<>(pointsByDevice));
    }
}
