package io.containeredge.console.overview;

/** The container's state and, in words, why. */
public record StateVerdict(ContainerState state, String reason) {
}
