package io.containeredge.gateway.config;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.SiteConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The site and container ids a running gateway keeps: they are its Sparkplug group and edge node, so a
 * configuration change must not move them (the cloud would see a new, unknown node).
 */
record SiteIdentity(String site, String container) {

    static SiteIdentity of(SiteConfig config) {
        return new SiteIdentity(config.site(), config.container());
    }

    /** Errors for each id of {@code candidate} that differs from this identity. */
    List<ConfigError> changesIn(SiteConfig candidate, String file) {
        List<ConfigError> errors = new ArrayList<>();
        if (!site.equals(candidate.site())) {
            errors.add(new ConfigError(file, "$.site", "the site id cannot change: this gateway is site '" + site
                    + "' (its Sparkplug group id), the document says '" + candidate.site() + "'"));
        }
        if (!container.equals(candidate.container())) {
            errors.add(new ConfigError(file, "$.container", "the container id cannot change: this gateway is container '"
                    + container + "' (its Sparkplug edge node id), the document says '" + candidate.container() + "'"));
        }
        return errors;
    }
}
