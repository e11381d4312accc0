package io.containeredge.site.api;

import io.containeredge.modbus.config.ConfigError;
import java.util.List;
import java.util.Optional;

/**
 * What {@link SiteDocuments#check} found in a configuration directory: the site when nothing is wrong,
 * else every error.
 */
public record SiteCheck(Optional<LoadedSite> site, List<ConfigError> errors) {

    public SiteCheck {
        errors = List.copyOf(errors);
    }
}
