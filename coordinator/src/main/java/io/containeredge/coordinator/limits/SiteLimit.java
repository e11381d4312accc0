package io.containeredge.coordinator.limits;

import java.util.regex.Pattern;

/**
 * A limit on the site's import at the point of interconnection for a stretch of time, set by the site's operator for
 * the grid (a utility's curtailment order, a demand-response event, a coincident-peak afternoon): while it is in
 * force the coordinator allocates under it instead of the POI cap. It can only lower the cap, never raise it.
 *
 * @param id names it for replacing and ending it, 1..64 characters of {@code [A-Za-z0-9._:-]}
 * @param kw the POI import it holds the site to (the auxiliaries and the margin come off it as off the cap)
 * @param fromMillis when it starts (epoch ms)
 * @param untilMillis when it ends (epoch ms), after {@code fromMillis}
 * @param reason why, for the dashboard and the log (1..200 characters)
 * @param by who set it, e.g. {@code cli:ops@site-server-1}
 * @param setAtMillis when it was set
 */
public record SiteLimit(String id, double kw, long fromMillis, long untilMillis, String reason, String by,
        long setAtMillis) {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    public static final int MAX_REASON = 200;
    /** Longer than any grid event or peak season day: a limit meant for longer belongs in the configuration's cap. */
    public static final long LONGEST_MILLIS = 31L * 24 * 3600 * 1000;

    /** @throws IllegalArgumentException naming the first field that is wrong */
    public SiteLimit {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id missing or not 1..64 characters of [A-Za-z0-9._:-]");
        }
        if (!Double.isFinite(kw) || kw < 0) {
            throw new IllegalArgumentException("kw of limit " + id + " must be a number of kW >= 0, not " + kw);
        }
        if (untilMillis <= fromMillis) {
            throw new IllegalArgumentException("limit " + id + " ends before it starts");
        }
        if (untilMillis - fromMillis > LONGEST_MILLIS) {
            throw new IllegalArgumentException("limit " + id + " runs longer than 31 days: lower the POI cap in the"
                    + " configuration instead");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason of limit " + id + " missing or longer than " + MAX_REASON
                    + " characters");
        }
        if (by == null || by.isBlank() || by.length() > MAX_REASON) {
            throw new IllegalArgumentException("by of limit " + id + " missing or longer than " + MAX_REASON
                    + " characters");
        }
    }

    public boolean inForceAt(long nowMillis) {
        return fromMillis <= nowMillis && nowMillis < untilMillis;
    }
}
