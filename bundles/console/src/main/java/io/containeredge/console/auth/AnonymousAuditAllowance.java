package io.containeredge.console.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many audit records unauthenticated or malformed requests may write: a token bucket per source address
 * and one for all addresses together, so that a flood of bad requests can neither fill the audit trail nor
 * push real records out of its bounded file. What is refused is counted per address and handed out as the
 * text of one summary record per period. Pure: the caller passes the monotonic time (nanoseconds).
 */
final class AnonymousAuditAllowance {

    /** The buckets' sizes; addresses tracked at most (the oldest is forgotten, the global bucket still holds). */
    record Limits(int perAddressBurst, double perAddressPerMinute, int globalBurst, double globalPerMinute,
            int maxAddresses) {

        /**
         * Enough for a technician's typing errors and a test of the login; a sustained flood writes at most
         * 2 records a minute plus its summary (about 4,300 a day: days before the audit trail's 10,000 are
         * turned over).
         */
        static final Limits DEFAULT = new Limits(30, 1, 60, 2, 1024);
    }

    /** Addresses named in a summary; the rest are counted as "more addresses". */
    static final int NAMED_IN_SUMMARY = 5;

    private final Limits limits;
    private final TokenBucket global;
    private final Map<String, TokenBucket> buckets;
    private final Map<String, Long> dropped = new LinkedHashMap<>();
    private long droppedFromUntracked;
    private long droppedTotal;

    AnonymousAuditAllowance(Limits limits, long nowNanos) {
        this.limits = limits;
        this.global = new TokenBucket(limits.globalBurst(), limits.globalPerMinute(), nowNanos);
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > limits.maxAddresses();
            }
        };
    }

    /** Whether a request from {@code address} may write its audit record now; a refusal is counted. */
    synchronized boolean admit(String address, long nowNanos) {
        TokenBucket own = buckets.computeIfAbsent(address,
                a -> new TokenBucket(limits.perAddressBurst(), limits.perAddressPerMinute(), nowNanos));
        // both must have a token; only then is one taken from each, so a refusal costs neither
        if (own.hasToken(nowNanos) && global.hasToken(nowNanos)) {
            own.take();
            global.take();
            return true;
        }
        count(address);
        return false;
    }

    /** Requests refused since this allowance was made. */
    synchronized long droppedTotal() {
        return droppedTotal;
    }

    /**
     * The summary of what was refused since the last one ({@code "N unauthenticated requests not recorded in
     * the last <period> from A (n), B (m) and K more addresses"}), or empty when nothing was; starts a new count.
     */
    synchronized Optional<String> summary(String period) {
        long total = dropped.values().stream().mapToLong(Long::longValue).sum() + droppedFromUntracked;
        if (total == 0) {
            return Optional.empty();
        }
        List<Map.Entry<String, Long>> most = new ArrayList<>(dropped.entrySet());
        most.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        List<String> named = most.stream().limit(NAMED_IN_SUMMARY).map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        int more = dropped.size() - named.size();
        String from = String.join(", ", named) + (more > 0 ? " and " + more + " more address" + (more == 1 ? "" : "es") : "")
                + (droppedFromUntracked > 0 ? " and others (" + droppedFromUntracked + ")" : "");
        dropped.clear();
        droppedFromUntracked = 0;
        return Optional.of(total + " unauthenticated request" + (total == 1 ? "" : "s") + " not recorded in the last "
                + period + " from " + from);
    }

    private void count(String address) {
        droppedTotal++;
        if (dropped.containsKey(address) || dropped.size() < limits.maxAddresses()) {
            dropped.merge(address, 1L, Long::sum);
        } else {
            droppedFromUntracked++;
        }
    }
}
