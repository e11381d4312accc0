package io.containeredge.coordinator.allocation;

/**
 * One container's budget from one allocation.
 *
 * @param kw the budget to lease now
 * @param targetKw where the budget goes once ramps and headroom allow (the value-ordered split of the cap)
 * @param countedKw what the container is counted at against the cap: the higher of its budget and its import, or,
 *     for a stale one, of its budget and its fallback share
 * @param fresh whether its report is fresh (a stale container keeps its budget)
 * @param reason why the budget is what it is, in words for the dashboard and the log
 */
public record Grant(String container, double kw, double targetKw, double countedKw, boolean fresh, String reason) {
}
