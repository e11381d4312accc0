package io.containeredge.control.api;

/**
 * A condition a guard reports as present. The same {@code id} reported in consecutive cycles is one
 * alarm; when it is no longer reported the alarm clears.
 *
 * @param id stable identity, e.g. {@code thermal.supply-trip}
 * @param source the reading or device it concerns
 * @param reading the value that caused it, NaN if none
 */
public record AlarmCondition(String id, Severity severity, String source, String message, double reading) {

    /** How urgent: CRITICAL alarms light the beacon. */
    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }
}
