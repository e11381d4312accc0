package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.FrequencyGuardSettings;
import java.util.List;
import java.util.Optional;

/** Reads {@code grid.frequency}: the under-frequency guard. */
final class FrequencyParser {

    private FrequencyParser() {
    }

    static Optional<FrequencyGuardSettings> read(String file, JsonNode f, List<DeviceConfig> devices,
            List<ConfigError> errors) {
        if (!f.isMissingNode()) {
            errors.add(new ConfigError(file, "$.grid.frequency", "not read yet"));
        }
        return Optional.empty();
    }
}
