package io.containeredge.site.internal;

import static io.containeredge.site.internal.SettingRanges.durationAt;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.Limits;
import io.containeredge.site.api.SiteLeaseSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the optional {@code siteLease} section once the schema has accepted it. The fallback share is what the
 * container holds to whenever coordination fails, so it must be a real limit: above zero (zero would switch the
 * container off with every coordinator restart) and not above the container's own import cap.
 */
final class SiteLeaseParser {

    private static final String PATH = "$.siteLease";
    static final Duration REPORT_EVERY_MIN = Duration.ofMillis(500);
    static final Duration REPORT_EVERY_MAX = Duration.ofMinutes(1);
    static final Duration RISE_DELAY_MAX = Duration.ofMinutes(10);
    static final Duration MAX_CLOCK_SKEW_MAX = Duration.ofMinutes(1);

    private SiteLeaseParser() {
    }

    /** The section read, or the errors that refuse it. */
    record Read(Optional<SiteLeaseSettings> settings, List<ConfigError> errors) {
    }

    /** @param limits the site's limits, or null when the schema refused them (the import cap bound is then skipped) */
    static Read read(String file, JsonNode s, Limits limits) {
        if (s.isMissingNode()) {
            return new Read(Optional.empty(), List.of());
        }
        List<ConfigError> errors = new ArrayList<>();
        double shareKw = s.get("fallbackShareKw").asDouble();
        if (limits != null && shareKw > limits.importCapKw()) {
            errors.add(new ConfigError(file, PATH + ".fallbackShareKw", shareKw + " kW is above the site's import cap "
                    + limits.importCapKw() + " kW: the share is what the container may draw without a lease"));
        }
        Duration reportEvery = durationAt(file, s, PATH + ".reportEvery", SiteLeaseSettings.DEFAULT_REPORT_EVERY,
                REPORT_EVERY_MIN, REPORT_EVERY_MAX, "the coordinator allocates from these reports", errors);
        Duration riseDelay = durationAt(file, s, PATH + ".riseDelay", SiteLeaseSettings.DEFAULT_RISE_DELAY,
                Duration.ZERO, RISE_DELAY_MAX,
                "a container below its share waits this long for the others to shed after a lease ends", errors);
        Duration skew = durationAt(file, s, PATH + ".maxClockSkew", SiteLeaseSettings.DEFAULT_MAX_CLOCK_SKEW,
                Duration.ZERO, MAX_CLOCK_SKEW_MAX, "a lease issued further ahead of this clock is refused", errors);
        if (!errors.isEmpty()) {
            return new Read(Optional.empty(), errors);
        }
        return new Read(Optional.of(new SiteLeaseSettings(shareKw, reportEvery, riseDelay, skew)), errors);
    }
}
