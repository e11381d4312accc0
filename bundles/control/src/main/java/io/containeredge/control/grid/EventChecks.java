package io.containeredge.control.grid;

import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.GridEvent;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The one check of a demand-response event, whoever sends it (OpenADR VEN, signed MQTT, console): what it refuses
 * changes nothing, and the reason names the field.
 */
public final class EventChecks {

    public static final Duration MAX_RAMP = Duration.ofMinutes(30);
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration MAX_INTERVAL = Duration.ofHours(24);
    public static final Duration MAX_LEAD = Duration.ofDays(7);
    public static final int MAX_INTERVALS = 96;
    public static final int MAX_LEVEL = 3;

    private EventChecks() {
    }

    /**
     * @param importCapKw the site's import cap: a limit above it means nothing, a reduction above it is impossible
     * @param nowMillis wall clock
     * @throws IllegalArgumentException with the reason when the event is refused
     */
    public static void check(GridEvent e, double importCapKw, long nowMillis) {
        if (e.id() == null || !GridEvent.ID.matcher(e.id()).matches()) {
            throw refused("id " + quoted(e.id()) + " is not 1-128 letters, digits or . _ : @ -, starting with a"
                    + " letter or digit");
        }
        if (e.source() == null || e.source().isBlank()) {
            throw refused("event " + e.id() + ": no source");
        }
        if (e.ramp() == null || e.ramp().isNegative() || e.ramp().compareTo(MAX_RAMP) > 0) {
            throw refused("event " + e.id() + ": ramp " + e.ramp() + " is not within 0 and 30 minutes");
        }
        List<EventInterval> intervals = e.intervals();
        if (intervals.isEmpty() || intervals.size() > MAX_INTERVALS) {
            throw refused("event " + e.id() + ": " + intervals.size() + " intervals (1 to " + MAX_INTERVALS + ")");
        }
        long previousEnd = Long.MIN_VALUE;
        for (int i = 0; i < intervals.size(); i++) {
            EventInterval in = intervals.get(i);
            String where = "event " + e.id() + ", interval " + i + ": ";
            long length = in.endMillis() - in.startMillis();
            if (length < MIN_INTERVAL.toMillis() || length > MAX_INTERVAL.toMillis()) {
                throw refused(where + "lasts " + length / 1000 + " s (1 minute to 24 hours)");
            }
            if (in.startMillis() < previousEnd) {
                throw refused(where + "starts before the interval before it ends (sorted, not overlapping)");
            }
            previousEnd = in.endMillis();
            checkTarget(where, in.target(), importCapKw);
        }
        if (e.endMillis() <= nowMillis) {
            throw refused("event " + e.id() + " has ended already");
        }
        if (e.startMillis() > nowMillis + MAX_LEAD.toMillis()) {
            throw refused("event " + e.id() + " starts more than 7 days ahead");
        }
    }

    private static void checkTarget(String where, EventTarget t, double importCapKw) {
        if (t == null || t.kind() == null) {
            throw refused(where + "no target");
        }
        double v = t.value();
        if (!Double.isFinite(v)) {
            throw refused(where + "target " + v + " is not a number");
        }
        switch (t.kind()) {
            case IMPORT_LIMIT_KW, REDUCTION_KW, EXPORT_LIMIT_KW -> {
                if (v < 0 || v > importCapKw) {
                    throw refused(where + String.format(Locale.ROOT, "%s %.1f kW is not within 0 and the site's"
                            + " import cap %.0f kW", t.kind(), v, importCapKw));
                }
            }
            case LEVEL -> {
                if (v < 0 || v > MAX_LEVEL || v != Math.rint(v)) {
                    throw refused(where + "level " + v + " is not 0, 1, 2 or 3");
                }
            }
            case PRICE_USD_PER_MWH -> {
                if (v < -1000 || v > 20000) {
                    throw refused(where + "price " + v + " USD/MWh is not within -1000 and 20000");
                }
            }
        }
    }

    private static String quoted(String s) {
        return s == null ? "(none)" : "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }

    private static IllegalArgumentException refused(String reason) {
        return new IllegalArgumentException(reason);
    }
}
