package io.containeredge.console.overview;

import io.containeredge.control.api.ContainerState;

/** The container's state and, in words, why. */
public record StateVerdict(ContainerState state, String reason) {
}
