package io.containeredge.control.economics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The fleet's profit since local midnight, integrated from the profit per hour of each cycle. Kept in memory: it
 * restarts at 0 with the gateway (the status says since when). A gap between cycles longer than
 * {@link #MAX_GAP_MILLIS} (a paused gateway) counts only that long, rather than assume the last rate held.
 */
final class ProfitToday {

    static final long MAX_GAP_MILLIS = 60_000;
    private static final double MILLIS_PER_HOUR = 3_600_000;

    private final ZoneId zone;
    private LocalDate day;
    private long sinceMillis;
    private long lastMillis;
    private double lastUsdPerHour;
    private double usd;

    ProfitToday(ZoneId zone) {
        this.zone = zone;
    }

    /** Adds the time since the last cycle at that cycle's rate, and takes this cycle's rate. */
    void add(double usdPerHour, long wallMillis) {
        LocalDate today = Instant.ofEpochMilli(wallMillis).atZone(zone).toLocalDate();
        if (!today.equals(day)) {
            long midnight = today.atStartOfDay(zone).toInstant().toEpochMilli();
            sinceMillis = day == null ? wallMillis : midnight;
            usd = 0;
            lastMillis = sinceMillis;
            lastUsdPerHour = day == null ? usdPerHour : lastUsdPerHour;
            day = today;
        }
        usd += lastUsdPerHour * Math.min(wallMillis - lastMillis, MAX_GAP_MILLIS) / MILLIS_PER_HOUR;
        lastMillis = wallMillis;
        lastUsdPerHour = usdPerHour;
    }

    double usd() {
        return usd;
    }

    /** Local midnight, or the first cycle if later. */
    long sinceMillis() {
        return sinceMillis;
    }
}
