package io.containeredge.control.scenario;

/** Something that must be so after the cycles run so far; throws an {@link AssertionError} when not. */
@FunctionalInterface
public interface Expectation {
    void check(Scenario scenario);
}
