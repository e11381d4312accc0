package io.containeredge.control.grid;

import io.containeredge.control.api.ComplianceSecond;
import io.containeredge.control.api.EventPerformance;

/**
 * Sums an event's seconds into its performance record. A second is compliant when the import is at or below the
 * target plus a meter tolerance (1 % of the target, at least 1 kW); the shortfall counts every kW above the target.
 */
final class ComplianceTally {

    private long measured;
    private long compliant;
    private long unmeasured;
    private double targetSum;
    private double importSum;
    private double shortfallKwS;

    /** Adds one recorded second. */
    void add(ComplianceSecond s) {
        if (!s.measured()) {
            return;
        }
        if (Double.isNaN(s.importKw())) {
            unmeasured++;
            return;
        }
        measured++;
        targetSum += s.targetKw();
        importSum += s.importKw();
        shortfallKwS += s.shortfallKw();
        if (s.importKw() <= s.targetKw() + tolerance(s.targetKw())) {
            compliant++;
        }
    }

    static double tolerance(double targetKw) {
        return Math.max(1, 0.01 * targetKw);
    }

    EventPerformance performance(String eventId, double baselineKw, String optOut) {
        double meanTarget = measured == 0 ? Double.NaN : targetSum / measured;
        double meanImport = measured == 0 ? Double.NaN : importSum / measured;
        return new EventPerformance(eventId, baselineKw, meanTarget, meanImport, baselineKw - meanImport, shortfallKwS,
                measured, compliant, unmeasured, optOut);
    }
}
