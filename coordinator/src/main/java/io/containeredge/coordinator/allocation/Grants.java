package io.containeredge.coordinator.allocation;

import java.util.Map;

/**
 * The budgets in force, by container, and when they were set: what the next allocation changes from (decreases at
 * once, increases ramp-limited over the time since).
 *
 * @param atMillis when they were set; 0 when they were taken from the containers' reports (a new leader)
 */
public record Grants(Map<String, Double> kw, long atMillis) {

    public Grants {
        kw = Map.copyOf(kw);
    }

    public double of(String container, double otherwise) {
        return kw.getOrDefault(container, otherwise);
    }
}
