package io.containeredge.control.api;

/**
 * One second of an event: the row of its performance CSV.
 *
 * @param epochSecond the second (UTC)
 * @param targetKw the import the event allowed in that second (its ramp included)
 * @param importKw the import measured; NaN when the reading was not good
 * @param shortfallKw import above the target, 0 when at or below; NaN when the reading was not good
 * @param measured false during a ramp: the second is recorded but not counted
 */
public record ComplianceSecond(long epochSecond, double baselineKw, double targetKw, double importKw,
        double shortfallKw, boolean measured) {
}
