package io.containeredge.simulator.fault;

/** A fault command of a script, due {@code atMillis} of simulated time after the start. */
public record ScheduledFault(long atMillis, FaultCommand command, int line) {
}
