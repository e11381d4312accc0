package io.containeredge.gateway.api;

import java.util.Map;
import java.util.Objects;

/**
 * The documents of one configuration version, as text in YAML or JSON (JSON is valid YAML): the site
 * document and the device profiles it uses beyond the built-in ones.
 *
 * @param site     the site document (schema {@code firmware-config/schema/site.schema.json})
 * @param profiles profile id → profile document (schema {@code profile.schema.json}); may be empty
 */
public record ConfigDocuments(String site, Map<String, String> profiles) {

    public ConfigDocuments {
        Objects.requireNonNull(site, "site");
        profiles = Map.copyOf(profiles);
    }
}
