package io.containeredge.modbus.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a configuration document is refused; carries every error, not only the first. */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(errors.size() + " configuration error(s):\n  "
                + errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n  ")));
        this.errors = List.copyOf(errors);
    }

    public static ConfigException single(String file, String path, String reason) {
        return new ConfigException(List.of(new ConfigError(file, path, reason)));
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
