package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.MinerDialects;
import java.util.ArrayList;
import java.util.List;

/** The miners section's references to firmware dialects: the fleet's and every group's is in the catalogue. */
final class MinerDialectChecks {

    private MinerDialectChecks() {
    }

    /** @param miners the miners section as written, accepted by the schema */
    static List<ConfigError> check(String file, JsonNode miners, MinerDialects dialects) {
        List<ConfigError> errors = new ArrayList<>();
        known(file, "$.miners", "the miners", miners, dialects, errors);
        JsonNode groups = miners.path("groups");
        for (int i = 0; i < groups.size(); i++) {
            known(file, "$.miners.groups[" + i + "]", "group '" + groups.get(i).path("name").asText() + "'",
                    groups.get(i), dialects, errors);
        }
        return errors;
    }

    private static void known(String file, String path, String who, JsonNode node, MinerDialects dialects,
            List<ConfigError> errors) {
        if (node.has("dialect") && dialects.get(node.get("dialect").asText()).isEmpty()) {
            errors.add(new ConfigError(file, path + ".dialect", who + ": no firmware dialect '"
                    + node.get("dialect").asText() + "'; known dialects: " + String.join(", ", dialects.ids())));
        }
    }
}
