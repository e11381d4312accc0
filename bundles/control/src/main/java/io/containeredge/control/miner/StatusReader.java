package io.containeredge.control.miner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.containeredge.site.api.MinerDialect.AverageRead;
import io.containeredge.site.api.MinerDialect.Fields;
import io.containeredge.site.api.MinerDialect.Read;
import io.containeredge.site.api.MinerDialect.StateRead;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a miner's status out of the answers of its dialect's status requests, where the dialect's fields say
 * the values are. Every field is optional because firmwares differ: a missing power or target reads as the
 * rated power (worst case), a missing hashrate as 0, missing temperatures as NaN. Numbers sent as strings are
 * accepted.
 */
final class StatusReader {

    private StatusReader() {
    }

    /**
     * @param answers each status request's answer by its name
     * @param warning the miner's own warning (e.g. overheat shutdown), else null
     */
    static MinerStatus read(Fields fields, Map<String, JsonNode> answers, MinerEndpoint endpoint, long nowMillis,
            String warning) {
        double hashrateThs = first(fields.hashrate(), answers);
        double powerW = first(fields.power(), answers);
        double targetW = first(fields.powerTarget(), answers);
        double maxTempC = Double.NaN;
        for (Read r : fields.temperatures()) {
            double t = number(answers, r);
            if (!Double.isNaN(t) && (Double.isNaN(maxTempC) || t > maxTempC)) {
                maxTempC = t;
            }
        }
        String pauseReason = fields.pauseReason().map(r -> node(answers, r)).filter(JsonNode::isValueNode)
                .map(JsonNode::asText).orElse(null);
        double hashing = Double.isNaN(hashrateThs) ? 0 : hashrateThs;
        double averageThs = Double.NaN;
        int windowSeconds = 0;
        for (AverageRead a : fields.averageHashrate()) {
            averageThs = number(answers, a.read());
            if (!Double.isNaN(averageThs)) {
                windowSeconds = a.windowSeconds();
                break;
            }
        }
        return new MinerStatus(endpoint.index(), true, mode(fields, answers, hashing),
                Double.isNaN(powerW) ? endpoint.ratedW() : powerW,
                Double.isNaN(targetW) ? endpoint.ratedW() : targetW,
                hashing, maxTempC, nowMillis, warning, averageThs, windowSeconds, pauseReason, endpoint.dialect().id());
    }

    /**
     * By the reported state when there is one; a firmware without states is awake if it hashes, and
     * otherwise unknown (it may be idle for reasons other than sleep, e.g. no pool).
     */
    private static MinerMode mode(Fields fields, Map<String, JsonNode> answers, double hashrateThs) {
        if (fields.state().isEmpty()) {
            return hashrateThs > 0 ? MinerMode.AWAKE : MinerMode.UNKNOWN;
        }
        StateRead s = fields.state().get();
        JsonNode state = answers.getOrDefault(s.from(), missing()).at(s.pointer());
        if (!state.isTextual() && !state.isNumber()) {
            return hashrateThs > 0 ? MinerMode.AWAKE : MinerMode.UNKNOWN;
        }
        String value = state.asText().trim().toLowerCase(Locale.ROOT);
        return s.awake().contains(value) ? MinerMode.AWAKE
                : s.sleeping().contains(value) ? MinerMode.SLEEPING : MinerMode.UNKNOWN;
    }

    /** The first of the reads the answers carry, scaled; NaN when none does. */
    private static double first(List<Read> reads, Map<String, JsonNode> answers) {
        for (Read r : reads) {
            double v = number(answers, r);
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    private static JsonNode node(Map<String, JsonNode> answers, Read r) {
        return answers.getOrDefault(r.from(), missing()).at(r.pointer());
    }

    private static JsonNode missing() {
        return MissingNode.getInstance();
    }

    /** The field as a finite number (also from a numeric string), scaled; else NaN. */
    private static double number(Map<String, JsonNode> answers, Read r) {
        JsonNode v = node(answers, r);
        double d;
        if (v.isNumber()) {
            d = v.asDouble();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        } else {
            return Double.NaN;
        }
        return Double.isFinite(d) ? d * r.scale() : Double.NaN;
    }
}
