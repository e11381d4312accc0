package io.containeredge.site.api;

import java.time.Duration;

/**
 * The container's part in site coordination ({@code siteLease}): the site coordinator grants it a budget on its import
 * in signed leases; without a valid lease the container holds to its fallback share. The fallback shares of all the
 * site's containers sum to no more than the point of interconnection's cap (the coordinator's configuration checks
 * it), so the interconnection is never overloaded, whatever fails.
 *
 * @param fallbackShareKw the import the container holds to without a valid lease; never above its import cap
 * @param reportEvery how often the container reports to the coordinator (its load, limits and values)
 * @param riseDelay after a lease ends, how long a container whose budget was below its fallback share stays at the
 *     budget before rising to the share: the containers above their shares must shed first (leases of one round end
 *     together, but shedding is not instant)
 * @param maxClockSkew how far a lease's issue time may lie ahead of this gateway's clock before it is refused
 */
public record SiteLeaseSettings(double fallbackShareKw, Duration reportEvery, Duration riseDelay,
        Duration maxClockSkew) {

    public static final Duration DEFAULT_REPORT_EVERY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RISE_DELAY = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(5);
}
