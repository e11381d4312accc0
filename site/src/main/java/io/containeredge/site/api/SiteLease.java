package io.containeredge.site.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.site.internal.StrictJson;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A budget lease: the import the site coordinator grants one container until an expiry, under the coordinator's
 * leader epoch. It travels as the signed body of a remote-request envelope ({@code {"keyId","body","signature"}}, the
 * HMAC over the body text, see {@link SignedText}) on {@link SiteTopics#lease}; the target site and container are
 * part of the signed text, so a lease replayed to another container is refused however good its signature.
 *
 * <pre>
 * {"site":"demo-site","container":"c-01","epoch":7,"seq":4211,"budgetKw":812.5,"fallbackKw":400.0,
 *  "issuedAt":1796000000000,"expiresAt":1796000030000}
 * </pre>
 *
 * @param epoch the coordinator's leader epoch (ZooKeeper): a gateway that has seen a higher epoch refuses it, so a
 *     stale leader cannot hand out budgets after a new one took over
 * @param seq increasing within an epoch: an older or repeated lease is refused
 * @param budgetKw the container's import budget until the expiry
 * @param fallbackKw the coordinator's fallback share for this container (the one its sum check covered, scaled down under a site limit); the gateway
 *     holds to the lower of this and its own configured share when the lease ends
 * @param issuedAtMillis the coordinator's wall clock when it signed the lease
 * @param expiresAtMillis the lease ends here (every lease of one round ends at the same instant)
 */
public record SiteLease(String site, String container, long epoch, long seq, double budgetKw, double fallbackKw,
        long issuedAtMillis, long expiresAtMillis) {

    /** No lease runs longer than this: a lost coordinator must show within minutes at most. */
    public static final Duration MAX_TERM = Duration.ofMinutes(10);
    private static final Set<String> FIELDS = Set.of("site", "container", "epoch", "seq", "budgetKw", "fallbackKw",
            "issuedAt", "expiresAt");

    public SiteLease {
        if (site == null || !StrictJson.ID.matcher(site).matches() || container == null
                || !StrictJson.ID.matcher(container).matches()) {
            throw new IllegalArgumentException("lease: site and container must be 1..64 characters [A-Za-z0-9._-]");
        }
        if (epoch < 1 || seq < 0) {
            throw new IllegalArgumentException("lease: epoch must be at least 1 and seq not negative");
        }
        if (!Double.isFinite(budgetKw) || budgetKw < 0 || !Double.isFinite(fallbackKw) || fallbackKw < 0) {
            throw new IllegalArgumentException("lease: budgetKw and fallbackKw must be finite and not negative");
        }
        if (expiresAtMillis <= issuedAtMillis || expiresAtMillis - issuedAtMillis > MAX_TERM.toMillis()) {
            throw new IllegalArgumentException("lease: expiresAt must be after issuedAt, by at most "
                    + MAX_TERM.toMinutes() + " minutes");
        }
    }

    /** Why this lease is not for {@code site}/{@code container}; empty when it is. */
    public Optional<String> notFor(String site, String container) {
        return site().equals(site) && container().equals(container) ? Optional.empty()
                : Optional.of("lease for " + site() + "/" + container() + ", this is " + site + "/" + container);
    }

    /** The body as signed and sent. */
    public String toJson() {
        ObjectNode o = StrictJson.object();
        o.put("site", site).put("container", container).put("epoch", epoch).put("seq", seq)
                .put("budgetKw", budgetKw).put("fallbackKw", fallbackKw).put("issuedAt", issuedAtMillis)
                .put("expiresAt", expiresAtMillis);
        return StrictJson.write(o);
    }

    /** @throws IllegalArgumentException naming what is wrong with the body */
    public static SiteLease fromJson(String body) {
        StrictJson j = StrictJson.parse("lease", body, FIELDS);
        return new SiteLease(j.id("site"), j.id("container"), j.integer("epoch"), j.integer("seq"),
                j.number("budgetKw"), j.number("fallbackKw"), j.integer("issuedAt"), j.integer("expiresAt"));
    }
}
