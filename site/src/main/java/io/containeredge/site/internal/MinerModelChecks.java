package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.MinerModel;
import io.containeredge.site.api.MinerModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The miners section's references to miner models: every model it names is in the catalogue, and a rated
 * power written next to a fleet model agrees with that model (it follows the model when left out). Sites
 * that name no model keep their written or default rated power.
 */
final class MinerModelChecks {

    /** How far a written rated power may differ from the model's nominal power: rounding. */
    static final double RATED_TOLERANCE_W = 1;

    private MinerModelChecks() {
    }

    /** @param miners the miners section as written, accepted by the schema */
    static List<ConfigError> check(String file, JsonNode miners, MinerModels models) {
        List<ConfigError> errors = new ArrayList<>();
        Optional<MinerModel> fleetModel = known(file, "$.miners", miners, models, errors);
        fleetModel.filter(m -> miners.has("ratedPowerW"))
                .filter(m -> Math.abs(miners.get("ratedPowerW").asDouble() - m.nominalPowerW()) > RATED_TOLERANCE_W)
                .ifPresent(m -> errors.add(new ConfigError(file, "$.miners.ratedPowerW", "ratedPowerW "
                        + miners.get("ratedPowerW").asDouble() + " W disagrees with model '" + m.id()
                        + "' (nominal " + m.nominalPowerW() + " W); leave it out, it follows the model")));
        JsonNode groups = miners.path("groups");
        for (int i = 0; i < groups.size(); i++) {
            known(file, "$.miners.groups[" + i + "]", groups.get(i), models, errors);
        }
        return errors;
    }

    /** The model a node names, if it names one the catalogue has; an error for an unknown one. */
    private static Optional<MinerModel> known(String file, String path, JsonNode node, MinerModels models,
            List<ConfigError> errors) {
        if (!node.has("model")) {
            return Optional.empty();
        }
        String id = node.get("model").asText();
        Optional<MinerModel> model = models.get(id);
        if (model.isEmpty()) {
            errors.add(new ConfigError(file, path + ".model", "no miner model '" + id + "'; known models: "
                    + String.join(", ", models.ids())));
        }
        return model;
    }
}
