package io.containeredge.coordinator.limits;

import io.containeredge.site.api.CoordinatorConfig;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the site may import at the point of interconnection now, and so what the containers are allocated together: the
 * configured cap, or the lowest site limit in force under it; when the site's limits cannot be read, the fallback
 * shares' sum (what the site draws with no coordinator at all: a documented safe value, never "no limit"). A pure
 * function of the configuration, the limits as last read and the time.
 *
 * @param importCapKw the POI import allowed now
 * @param availableKw what the containers get together: the import allowed less the auxiliaries and the margin
 * @param fallbackScale what each container's fallback share is multiplied by in its leases (1 without a site limit; under
 *     one, small enough that the scaled shares fit under it, so a site that loses its coordinator during a grid event
 *     still keeps to the event's limit)
 * @param limitId the site limit in force, null when none
 * @param reason in words, for the dashboard and the log
 */
public record PoiLimit(double importCapKw, double availableKw, double fallbackScale, String limitId, String reason) {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The configured cap, no site limit. */
    public static PoiLimit cap(CoordinatorConfig config) {
        CoordinatorConfig.Poi poi = config.poi();
        return new PoiLimit(poi.capKw(), poi.availableKw(), 1, null, String.format(Locale.ROOT, "POI cap %.0f kW",
                poi.capKw()));
    }

    /**
     * @param limits the site's limits as last read
     * @param problem why they could not be read (not yet, or unreadable), null when {@code limits} holds them
     */
    public static PoiLimit at(CoordinatorConfig config, SiteLimits limits, String problem, long nowMillis) {
        CoordinatorConfig.Poi poi = config.poi();
        double shares = config.containers().stream().mapToDouble(CoordinatorConfig.Container::fallbackShareKw).sum();
        if (problem != null) {
            double available = Math.min(poi.availableKw(), shares);
            return new PoiLimit(available + poi.auxiliariesKw() + poi.marginKw(), available, 1, null,
                    String.format(Locale.ROOT, "site limits unknown (%s): held to the fallback shares, %.0f kW",
                            problem, available));
        }
        return limits.inForce(nowMillis).filter(l -> l.kw() < poi.capKw()).map(l -> {
            double available = Math.max(0, l.kw() - poi.auxiliariesKw() - poi.marginKw());
            double scale = shares <= 0 ? 1 : Math.min(1, available / shares);
            return new PoiLimit(l.kw(), available, scale, l.id(), String.format(Locale.ROOT,
                    "site limit %s: POI import %.0f kW until %s (%s; set by %s)", l.id(), l.kw(),
                    UNTIL.format(Instant.ofEpochMilli(l.untilMillis())), l.reason(), l.by()));
        }).orElseGet(() -> cap(config));
    }
}
