package io.containeredge.site.internal;

import static io.containeredge.site.internal.SettingRanges.durationAt;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.FrequencyGuardSettings;
import io.containeredge.site.api.Limits;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code grid.frequency}: the under-frequency guard. Every key has a safe default but the nominal frequency, and
 * none can switch the guard off while the section is there: the threshold stays between nominal - 3 Hz and nominal,
 * the block above 0 kW, the poll between 50 ms and 1 s. The meter must be an enabled device of the site; whether its
 * profile has the point is checked once the profiles are loaded ({@link FrequencyPoint}).
 */
final class FrequencyParser {

    private static final String PATH = "$.grid.frequency";
    static final Duration POLL_MIN = Duration.ofMillis(50);
    static final Duration POLL_MAX = Duration.ofSeconds(1);
    /** Below nominal by more than this a threshold would only trip in a collapse the guard cannot help with. */
    static final double MAX_THRESHOLD_DEPTH_HZ = 3;
    /** ERCOT's responsive-reserve relays: 59.7 Hz on 60 Hz grids, the same 0.3 Hz under 50 Hz. */
    static final double DEFAULT_DEPTH_HZ = 0.3;

    private FrequencyParser() {
    }

    static Optional<FrequencyGuardSettings> read(String file, JsonNode f, List<DeviceConfig> devices, Limits limits,
            List<ConfigError> errors) {
        if (f.isMissingNode()) {
            return Optional.empty();
        }
        String device;
        String point;
        String written = f.get("point").asText();
        if (f.has("device")) {
            device = f.get("device").asText();
            point = written;
        } else if (written.contains("/")) {
            device = written.substring(0, written.indexOf('/'));
            point = written.substring(written.indexOf('/') + 1);
        } else {
            errors.add(new ConfigError(file, PATH + ".point", "'" + written + "' names no device: write"
                    + " device/point (e.g. meter-main/frequency) or give device"));
            return Optional.empty();
        }
        checkDevice(file, device, devices, errors);
        double nominal = f.get("nominalHz").asDouble();
        double threshold = f.path("thresholdHz").asDouble(nominal - DEFAULT_DEPTH_HZ);
        if (threshold >= nominal || threshold <= nominal - MAX_THRESHOLD_DEPTH_HZ) {
            errors.add(new ConfigError(file, PATH + ".thresholdHz", hz(threshold) + " Hz is not between "
                    + hz(nominal - MAX_THRESHOLD_DEPTH_HZ) + " and " + hz(nominal) + " Hz (nominal " + hz(nominal)
                    + " Hz): the guard would trip on a healthy grid or never"));
        }
        boolean shedAll = !f.has("shed") || f.get("shed").isTextual();
        double shedKw = shedAll ? 0 : f.get("shed").asDouble();
        if (!shedAll && limits != null && shedKw > limits.importCapKw()) {
            errors.add(new ConfigError(file, PATH + ".shed", shedKw + " kW is above the site's import cap "
                    + limits.importCapKw() + " kW: the container never draws that much to shed; write all"));
        }
        Duration poll = durationAt(file, f, PATH + ".poll", Duration.ofMillis(100), POLL_MIN, POLL_MAX,
                "the frequency is read this often; slower, a dip is seen too late to shed within half a second",
                errors);
        Duration restoreAfter = durationAt(file, f, PATH + ".restoreAfter", Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofHours(1), "the frequency must have recovered this long", errors);
        Duration restoreRamp = durationAt(file, f, PATH + ".restoreRamp", Duration.ofMinutes(1), Duration.ZERO,
                Duration.ofHours(1), "the shed block returns over this time", errors);
        return Optional.of(new FrequencyGuardSettings(device, point, poll, nominal, threshold,
                f.path("readings").asInt(2), shedAll, shedKw, f.path("hardCut").asBoolean(false),
                f.path("hysteresisHz").asDouble(0.1), restoreAfter, restoreRamp));
    }

    private static void checkDevice(String file, String device, List<DeviceConfig> devices, List<ConfigError> errors) {
        if (devices == null) {
            return;
        }
        Optional<DeviceConfig> found = devices.stream().filter(d -> d.id().equals(device)).findFirst();
        if (found.isEmpty()) {
            errors.add(new ConfigError(file, PATH + ".point", "no device '" + device + "' in the site"));
        } else if (!found.get().enabled()) {
            errors.add(new ConfigError(file, PATH + ".point", "device '" + device + "' is disabled: the guard would"
                    + " never read the frequency"));
        }
    }

    private static String hz(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
