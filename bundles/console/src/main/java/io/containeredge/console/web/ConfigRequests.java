package io.containeredge.console.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.http.api.JsonFields;
import io.containeredge.http.api.RequestRefused;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The parameters of the configuration actions: documents as text, or a version to roll back to. */
final class ConfigRequests {

    private ConfigRequests() {
    }

    /** {@code {site: "<YAML or JSON>", profiles: {"<id>": "<YAML or JSON>"}}}; profiles may be left out. */
    static ConfigDocuments documents(ObjectNode body) throws RequestRefused {
        JsonFields f = JsonFields.of(body, Set.of("site", "profiles"));
        String site = f.text("site");
        Map<String, String> profiles = new LinkedHashMap<>();
        f.textsOrEmpty("profiles").fields().forEachRemaining(e -> profiles.put(e.getKey(), e.getValue().asText()));
        return new ConfigDocuments(site, profiles);
    }

    /** {@code {version: <n>}}. */
    static int version(ObjectNode body) throws RequestRefused {
        return (int) JsonFields.of(body, Set.of("version")).whole("version", 1, Integer.MAX_VALUE);
    }
}
