package io.containeredge.control.api;

/**
 * The container's site lease as the controller holds it, for people (API, console) and the cloud.
 *
 * @param state {@code LEASED} (a valid lease's budget applies), {@code FALLBACK} (no valid lease: the fallback share
 *     applies), {@code SETTLING} (a lease ended below the fallback share: the budget holds for {@code riseDelay} while
 *     the other containers shed, then the share), {@code NONE} (no lease since start: the fallback share)
 * @param budgetKw the last accepted lease's budget; NaN (null in JSON) when none was accepted since start
 * @param fallbackKw the share held to without a lease: the lower of the configured one and the coordinator's
 * @param limitKw the import limit the lease source applies now
 * @param epoch the highest leader epoch seen (kept across restarts); 0 before any
 * @param seq the accepted lease's seq; -1 when none
 * @param expiresAtMillis when the accepted lease ends (0 when none)
 * @param acceptedAtMillis when it was accepted (0 when none)
 * @param lastRefusal why the latest refused lease was refused, null when none was
 * @param binding whether the lease source's limit is the one that binds the container now
 * @param reason for people: "lease 7/4211 from mqtt:site: budget 812 kW until 14:05:30", "lease expired at 14:05:30:
 *     fallback share 400 kW"
 */
public record SiteLeaseStatus(String state, double budgetKw, double fallbackKw, double limitKw, long epoch, long seq,
        long expiresAtMillis, long acceptedAtMillis, String lastRefusal, boolean binding, String reason) {
}
