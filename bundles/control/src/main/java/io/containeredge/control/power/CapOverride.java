package io.containeredge.control.power;

import java.time.Duration;

/**
 * A commanded import cap (demand response, coincident-peak avoidance) that replaces the site's cap
 * until it expires. An expiry is mandatory: a command whose sender went silent must not hold the
 * container down, or up, for ever.
 *
 * @param capKw the import cap while the override is active
 * @param expiresAtMillis the first instant it no longer applies
 * @param source who sent it, for reasons and alarms
 */
public record CapOverride(double capKw, long expiresAtMillis, String source) {

    public CapOverride {
        if (!(capKw >= 0) || Double.isInfinite(capKw)) {
            throw new IllegalArgumentException("import cap override must be a finite kW value >= 0: " + capKw);
        }
    }

    /**
     * An override as an operator or the operations centre commands it. Refused unless
     * 0 < cap <= the site's import cap and it lasts between a minute and a day: a command can tighten
     * the container, never loosen it beyond its configured limits.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static CapOverride commanded(double capKw, Duration duration, double siteCapKw, long nowMillis,
            String source) {
        if (!(capKw > 0) || capKw > siteCapKw) {
            throw new IllegalArgumentException("import cap must be above 0 and at most the site's " + siteCapKw
                    + " kW");
        }
        if (duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("an import cap override lasts between 1 minute and 24 hours");
        }
        return new CapOverride(capKw, nowMillis + duration.toMillis(), source);
    }

    public boolean activeAt(long nowMillis) {
        return nowMillis < expiresAtMillis;
    }
}
