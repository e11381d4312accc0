package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.gateway.api.ConfigVersion;
import io.containeredge.gateway.api.SiteConfigurations;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The actions of the config topic, through {@link SiteConfigurations}: the one validated, versioned
 * path the file loader and the console use too. A refused configuration is answered {@code rejected}
 * with every error as {@code {file, path, reason}}.
 */
final class ConfigActions {

    static final String APPLY = "config.apply";
    static final String GET = "config.get";
    static final String HISTORY = "config.history";
    static final String ROLLBACK = "config.rollback";
    static final Set<String> ACTIONS = Set.of(APPLY, GET, HISTORY, ROLLBACK);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<SiteConfigurations> configurations;

    ConfigActions(Supplier<SiteConfigurations> configurations) {
        this.configurations = configurations;
    }

    /** @throws Refusal when the params are wrong or the version does not exist: nothing changed */
    Outcome execute(RemoteRequest r) throws Refusal {
        SiteConfigurations c = configurations.get();
        if (c == null) {
            throw new Refusal(r.id(), "configuration service not available");
        }
        Params p = new Params(r);
        try {
            return switch (r.action()) {
                case APPLY -> version(c.apply(new ConfigDocuments(document(p, "site", p.node("site")), profiles(p)),
                        r.source()));
                case GET -> get(c, p.has("version") ? version(p) : c.current().version());
                case HISTORY -> Outcome.accepted(Outcome.result("versions", JSON.valueToTree(c.history())));
                case ROLLBACK -> version(c.rollback(version(p), r.source()));
                default -> throw new Refusal(r.id(), "unknown action " + r.action());
            };
        } catch (ConfigException e) {
            return Outcome.rejected("configuration refused: " + e.errors().size() + " error(s)", errors(e));
        } catch (IllegalArgumentException e) {
            throw new Refusal(r.id(), e.getMessage());
        }
    }

    private static Outcome version(ConfigVersion v) {
        return Outcome.accepted(Outcome.result("version", JSON.valueToTree(v)));
    }

    private static Outcome get(SiteConfigurations c, int version) {
        ConfigDocuments docs = c.documents(version);
        ObjectNode result = JSON.createObjectNode();
        result.set("version", JSON.valueToTree(c.history().stream().filter(v -> v.version() == version).findFirst()
                .orElse(null)));
        result.set("documents", JSON.valueToTree(docs));
        return Outcome.accepted(result);
    }

    private static int version(Params p) throws Refusal {
        long v = p.integer("version");
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw p.refusal("version", "must be a version number (1, 2, 3 …)");
        }
        return (int) v;
    }

    /** A document given as a JSON object (sent as JSON text, which is YAML) or as YAML text. */
    private static String document(Params p, String name, JsonNode doc) throws Refusal {
        if (doc.isTextual()) {
            return doc.textValue();
        }
        if (doc.isObject()) {
            return doc.toString();
        }
        throw p.refusal(name, "must be a JSON object or a YAML string");
    }

    private static Map<String, String> profiles(Params p) throws Refusal {
        Map<String, String> profiles = new LinkedHashMap<>();
        if (!p.has("profiles")) {
            return profiles;
        }
        JsonNode all = p.node("profiles");
        if (!all.isObject()) {
            throw p.refusal("profiles", "must be an object of profile id -> document");
        }
        for (Map.Entry<String, JsonNode> e : all.properties()) {
            profiles.put(e.getKey(), document(p, "profiles." + e.getKey(), e.getValue()));
        }
        return profiles;
    }

    private static ObjectNode errors(ConfigException e) {
        ObjectNode result = JSON.createObjectNode();
        ArrayNode list = result.putArray("errors");
        for (ConfigError err : e.errors()) {
            list.addObject().put("file", err.file()).put("path", err.path()).put("reason", err.reason());
        }
        return result;
    }
}
