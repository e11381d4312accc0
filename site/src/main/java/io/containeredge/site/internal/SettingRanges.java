package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.ControlSettings;
import io.containeredge.site.api.MinerFleetConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The safe range of every control setting that the schema cannot bound alone (durations, and limits that
 * depend on another section), so no configuration can switch protection off: a zero cycle that stops the
 * control loop, a fail-safe hold of hours, a safe level above the fleet. The number ranges are in the
 * schema ({@code control} section).
 */
final class SettingRanges {

    static final Duration CYCLE_MIN = Duration.ofMillis(50);
    static final Duration CYCLE_MAX = Duration.ofSeconds(2);
    static final Duration FAIL_SAFE_HOLD_MIN = Duration.ofSeconds(1);
    static final Duration FAIL_SAFE_HOLD_MAX = Duration.ofMinutes(10);
    static final Duration SLEEP_CONFIRM_MIN = Duration.ofSeconds(5);
    static final Duration SLEEP_CONFIRM_MAX = Duration.ofMinutes(2);
    static final Duration MIN_DWELL_MAX = Duration.ofHours(1);
    /**
     * The battery's follow time bounds how late miners are shed for a battery that delivers less than it
     * was commanded: it must end well inside the power guard's 25 s cap fix time, leaving the miners' sleep
     * time (under 5 s) and the ramp after it.
     */
    static final Duration BATTERY_FOLLOW_MIN = Duration.ofSeconds(1);
    static final Duration BATTERY_FOLLOW_MAX = Duration.ofSeconds(15);
    /** The {@code ai} section's BMC reading: slower than a minute, a training swing goes by unseen. */
    static final Duration AI_POLL_MIN = Duration.ofMillis(200);
    static final Duration AI_POLL_MAX = Duration.ofSeconds(60);
    /** Also below the cap settle time, else a cap could be alarmed before it could have been read back. */
    static final Duration AI_REQUEST_TIMEOUT_MIN = Duration.ofMillis(100);
    static final Duration AI_REQUEST_TIMEOUT_MAX = Duration.ofSeconds(30);
    static final Duration AI_CAP_SETTLE_MIN = Duration.ofSeconds(1);
    static final Duration AI_CAP_SETTLE_MAX = Duration.ofMinutes(10);
    static final Duration AI_RAMP_NOTICE_MAX = Duration.ofHours(24);

    private SettingRanges() {
    }

    /**
     * @param control the control section; a field the schema refused reads as its default (in range)
     * @param miners the miners section, or null when the schema refused it (the fleet bound is then skipped)
     */
    static List<ConfigError> check(String file, ControlSettings control, MinerFleetConfig miners) {
        List<ConfigError> errors = new ArrayList<>();
        within(file, "cycle", control.cycle(), CYCLE_MIN, CYCLE_MAX,
                "the control loop runs every cycle; outside this range it does not start or reacts too late", errors);
        within(file, "failSafeHold", control.failSafeHold(), FAIL_SAFE_HOLD_MIN, FAIL_SAFE_HOLD_MAX,
                "readings must be good this long before the safe level is lifted", errors);
        within(file, "sleepConfirm", control.sleepConfirm(), SLEEP_CONFIRM_MIN, SLEEP_CONFIRM_MAX,
                "a miner that has not confirmed sleep by then has its PDU socket cut", errors);
        within(file, "minDwell", control.minDwell(), Duration.ZERO, MIN_DWELL_MAX,
                "least time between a miner's sleep and its next wake-up", errors);
        within(file, "batteryFollow", control.batteryFollow(), BATTERY_FOLLOW_MIN, BATTERY_FOLLOW_MAX,
                "a battery that delivers less than commanded this long is alarmed and the miners shed instead;"
                        + " it must stay within the power guard's 25 s cap fix time", errors);
        if (miners != null) {
            double fleetKw = miners.ratedFleetPowerW() / 1000;
            if (control.safeMinerKw() > fleetKw) {
                errors.add(new ConfigError(file, "$.control.safeMinerKw", "safe miner level " + control.safeMinerKw()
                        + " kW is above the rated fleet power " + fleetKw + " kW (" + miners.count()
                        + " miners): a bad reading would not curtail anything"));
            }
        }
        return errors;
    }

    private static void within(String file, String field, Duration value, Duration min, Duration max, String why,
            List<ConfigError> errors) {
        withinAt(file, "$.control." + field, value, min, max, why, errors);
    }

    /** A duration setting of any section outside its range, as an error at {@code path}. */
    static void withinAt(String file, String path, Duration value, Duration min, Duration max, String why,
            List<ConfigError> errors) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.add(new ConfigError(file, path, text(value) + " is outside " + text(min) + " .. " + text(max)
                    + ": " + why));
        }
    }

    /**
     * A duration setting read from {@code parent} (its field is the last part of {@code path}), or its default when
     * absent, with an error at {@code path} when it is outside its range.
     */
    static Duration durationAt(String file, JsonNode parent, String path, Duration fallback, Duration min,
            Duration max, String why, List<ConfigError> errors) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        Duration value = parent.has(field) ? Durations.parse(parent.get(field).asText()) : fallback;
        withinAt(file, path, value, min, max, why, errors);
        return value;
    }

    /** As a person would write it in the site document: 50ms, 2s, 10m. */
    static String text(Duration d) {
        long ms = d.toMillis();
        if (ms >= 60_000 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
