package io.containeredge.control.planner;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The month's peak import as a demand charge measures it: the highest quarter-hour mean of the import this month
 * (the site's time zone). Kept in memory: after a restart the month's peak starts again from what is measured, which
 * makes the plan more careful about raising it, never less.
 */
public final class MonthPeak {

    private static final long QUARTER_MILLIS = 15 * 60_000L;

    private final ZoneId zone;
    private YearMonth month;
    private double peakKw;
    private long quarter = Long.MIN_VALUE;
    private double sumKw;
    private int count;

    public MonthPeak(ZoneId zone) {
        this.zone = zone;
    }

    /** Adds a good import reading. */
    public synchronized void add(long wallMillis, double importKw) {
        rollMonth(wallMillis);
        long q = Math.floorDiv(wallMillis, QUARTER_MILLIS);
        if (q != quarter) {
            if (count > 0) {
                peakKw = Math.max(peakKw, sumKw / count); // a quarter counts once it is complete, as the meter bills
            }
            quarter = q;
            sumKw = 0;
            count = 0;
        }
        sumKw += importKw;
        count++;
    }

    /** The month's peak so far, 0 at a month's start. */
    public synchronized double peakKw(long wallMillis) {
        rollMonth(wallMillis);
        return peakKw;
    }

    private void rollMonth(long wallMillis) {
        YearMonth now = YearMonth.from(Instant.ofEpochMilli(wallMillis).atZone(zone));
        if (!now.equals(month)) {
            month = now;
            peakKw = 0;
        }
    }
}
