package io.containeredge.control.api;

/**
 * What the container did during one event, from its per-second compliance: the record an operator gives the utility
 * or the aggregator.
 *
 * @param baselineKw the event's baseline import (its configured method), NaN when there was no load history
 * @param meanTargetKw the import the event allowed on average over the measured seconds
 * @param meanImportKw the import measured on average over the same seconds
 * @param achievedReductionKw baseline minus mean import
 * @param shortfallKwS the sum over the measured seconds of import above the target
 * @param measuredSeconds seconds counted (after each interval's ramp, with a good import reading)
 * @param compliantSeconds of those, the seconds at or below the target
 * @param unmeasuredSeconds seconds in the event without a good import reading (counted as not compliant)
 * @param optOut why the container said it could not meet the event; empty when it did not
 */
public record EventPerformance(String eventId, double baselineKw, double meanTargetKw, double meanImportKw,
        double achievedReductionKw, double shortfallKwS, long measuredSeconds, long compliantSeconds,
        long unmeasuredSeconds, String optOut) {
}
