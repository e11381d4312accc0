package io.containeredge.control.power;

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

    public boolean activeAt(long nowMillis) {
        return nowMillis < expiresAtMillis;
    }
}
