package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The file settings of a site document (price, forecast, credentials, CA files), read as written. */
final class FilePaths {

    private FilePaths() {
    }

    /**
     * A file setting, empty when absent. The schema admits any non-blank text: what the platform cannot take as a
     * path is refused here, at {@code path}.
     */
    static Optional<String> optional(String file, String path, JsonNode node, List<ConfigError> errors) {
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        try {
            Path.of(node.asText());
        } catch (InvalidPathException ex) {
            errors.add(new ConfigError(file, path, "'" + node.asText() + "' is not a file path: " + ex.getReason()));
        }
        return Optional.of(node.asText());
    }
}
