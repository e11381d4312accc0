package io.containeredge.site.internal;

import io.containeredge.modbus.config.ConfigError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The address settings of a site document (BMCs, VTNs), read as written and checked by their section's rules. */
final class Addresses {

    private Addresses() {
    }

    /**
     * @param problem what is wrong with the address for its section, or null when nothing is
     * @return the address, or empty with an error at {@code at} quoting the text
     */
    static Optional<URI> read(String file, String at, String text, Function<URI, String> problem,
            List<ConfigError> errors) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            errors.add(new ConfigError(file, at, "'" + text + "' is not an address: " + e.getReason()));
            return Optional.empty();
        }
        String wrong = problem.apply(uri);
        if (wrong != null) {
            errors.add(new ConfigError(file, at, "'" + text + "' " + wrong));
            return Optional.empty();
        }
        return Optional.of(uri);
    }
}
