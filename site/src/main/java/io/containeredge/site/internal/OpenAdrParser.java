package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.OpenAdrSettings;
import java.util.List;
import java.util.Optional;

/** Reads {@code grid.openAdr}: the OpenADR 3 VEN. */
final class OpenAdrParser {

    private OpenAdrParser() {
    }

    static Optional<OpenAdrSettings> read(String file, JsonNode o, List<ConfigError> errors) {
        if (!o.isMissingNode()) {
            errors.add(new ConfigError(file, "$.grid.openAdr", "not read yet"));
        }
        return Optional.empty();
    }
}
