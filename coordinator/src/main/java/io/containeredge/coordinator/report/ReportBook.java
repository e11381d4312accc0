package io.containeredge.coordinator.report;

import io.containeredge.coordinator.allocation.Reported;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.SiteReport;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers' latest reports, as they arrive from the broker (any thread). A report that cannot be read, or that
 * names another site or a container the configuration does not list, changes nothing; it is logged once a minute per
 * listed container, and once a minute for all the names it does not list together, so neither a broken gateway nor
 * made-up names can flood the log or grow its memory.
 */
public final class ReportBook {

    private static final Logger LOG = LoggerFactory.getLogger(ReportBook.class);
    private static final long LOG_EVERY_MILLIS = 60_000;
    /** Where the log's rate of every name the configuration does not list is kept (their names are not a bound). */
    private static final String UNLISTED = "/unlisted";

    private final CoordinatorConfig config;
    private final Set<String> containers;
    private final LongSupplier clock;
    private final Map<String, Reported> latest = new ConcurrentHashMap<>();
    private final Map<String, Long> loggedAt = new ConcurrentHashMap<>();

    public ReportBook(CoordinatorConfig config, LongSupplier clock) {
        this.config = config;
        this.containers = config.containers().stream().map(CoordinatorConfig.Container::id)
                .collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    /** A message of the reports' subscription: {@code containeredge/<site>/<container>/site-report}. */
    public void accept(String topic, String payload) {
        String[] levels = topic.split("/", -1);
        String from = levels.length == 4 ? levels[2] : topic;
        SiteReport report;
        try {
            report = SiteReport.fromJson(payload);
        } catch (IllegalArgumentException e) {
            refuse(from, "a report from '" + from + "' that cannot be read: " + e.getMessage());
            return;
        }
        if (!report.site().equals(config.site()) || !report.container().equals(from)) {
            refuse(from, "a report on " + topic + " for site '" + report.site() + "' container '" + report.container()
                    + "': ignored");
            return;
        }
        if (!containers.contains(from)) {
            refuse(from, "a report from container '" + from + "', which the configuration does not list: ignored");
            return;
        }
        latest.put(from, new Reported(report, clock.getAsLong()));
    }

    /** The latest report of every container that has sent one. */
    public Map<String, Reported> latest() {
        return Map.copyOf(latest);
    }

    private void refuse(String container, String message) {
        long now = clock.getAsLong();
        // keyed by the topic's name only for listed containers: anyone on the broker can make up names
        String key = containers.contains(container) ? container : UNLISTED;
        Long last = loggedAt.get(key);
        if (last == null || now - last >= LOG_EVERY_MILLIS) {
            loggedAt.put(key, now);
            LOG.warn("{} (logged once a minute per container)", message);
        }
    }
}
