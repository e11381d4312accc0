package io.containeredge.control.scenario;

/** Something that happens to the container between two cycles: a reading changes, an operator acts. */
@FunctionalInterface
public interface Event {
    void apply(Scenario scenario);
}
