package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.SchemaValidator;
import io.containeredge.site.api.MinerCurve;
import io.containeredge.site.api.MinerDialects;
import io.containeredge.site.api.MinerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a miner model document into a {@link MinerModel}: the schema ({@code miner-model.schema.json}), then
 * what a schema cannot say: the curve rises, covers the power-target range, and passes through the nominal
 * point, so whoever asks the curve for any accepted power target gets an answer; and its dialect is one the
 * catalogue has.
 */
final class MinerModelParser {

    private static final SchemaValidator SCHEMA = SchemaValidator.forSchema(MinerModelParser.class, "miner-model");
    /** How far the curve may miss the nominal hashrate at nominal power: rounding of the written points. */
    static final double NOMINAL_TOLERANCE = 0.01;

    private MinerModelParser() {
    }

    /**
     * @param expectedId the id the file name gives, which the document must carry
     * @throws ConfigException with every error found
     */
    static MinerModel parse(String file, JsonNode doc, String expectedId, MinerDialects dialects)
            throws ConfigException {
        List<ConfigError> errors = new ArrayList<>(SCHEMA.validate(file, doc));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        String id = doc.get("id").asText();
        if (!id.equals(expectedId)) {
            errors.add(new ConfigError(file, "$.id", "model id '" + id + "' does not match its file name '"
                    + expectedId + "'"));
        }
        String dialect = doc.get("dialect").asText();
        if (dialects.get(dialect).isEmpty()) {
            errors.add(new ConfigError(file, "$.dialect", "no firmware dialect '" + dialect + "'; known dialects: "
                    + String.join(", ", dialects.ids())));
        }
        double minW = doc.get("powerTarget").get("minW").asDouble();
        double maxW = doc.get("powerTarget").get("maxW").asDouble();
        double stepW = doc.get("powerTarget").get("stepW").asDouble();
        double nominalW = doc.get("nominal").get("powerW").asDouble();
        double nominalTh = doc.get("nominal").get("hashrateTh").asDouble();
        if (minW >= maxW) {
            errors.add(new ConfigError(file, "$.powerTarget.minW", "lowest power target " + minW
                    + " W must be below the highest " + maxW + " W"));
        } else if (stepW > maxW - minW) {
            errors.add(new ConfigError(file, "$.powerTarget.stepW", "step " + stepW + " W is wider than the range "
                    + minW + ".." + maxW + " W"));
        }
        if (nominalW < minW || nominalW > maxW) {
            errors.add(new ConfigError(file, "$.nominal.powerW", "nominal power " + nominalW
                    + " W is not an accepted power target (" + minW + ".." + maxW + " W)"));
        }
        List<MinerCurve.Point> points = points(file, doc.get("curve"), errors);
        if (errors.isEmpty()) {
            MinerCurve curve = new MinerCurve(points);
            checkCoverage(file, curve, minW, maxW, errors);
            checkNominal(file, curve, nominalW, nominalTh, errors);
            if (errors.isEmpty()) {
                return new MinerModel(id, doc.get("vendor").asText(), doc.get("name").asText(),
                        MinerModel.Cooling.valueOf(doc.get("cooling").asText().toUpperCase(Locale.ROOT)),
                        nominalTh, nominalW, minW, maxW, stepW, curve,
                        doc.get("sleepSeconds").asDouble(), doc.get("wakeSeconds").asDouble(),
                        dialect);
            }
        }
        throw new ConfigException(errors);
    }

    /** The points as written, with an error at each one that does not rise from the one before. */
    private static List<MinerCurve.Point> points(String file, JsonNode curve, List<ConfigError> errors) {
        List<MinerCurve.Point> points = new ArrayList<>();
        for (int i = 0; i < curve.size(); i++) {
            MinerCurve.Point p = new MinerCurve.Point(curve.get(i).get("powerW").asDouble(),
                    curve.get(i).get("hashrateTh").asDouble());
            if (i > 0) {
                MinerCurve.Point before = points.get(i - 1);
                if (p.powerW() <= before.powerW()) {
                    errors.add(new ConfigError(file, "$.curve[" + i + "].powerW", p.powerW()
                            + " W must be above the point before (" + before.powerW() + " W): points by rising power"));
                } else if (p.hashrateTh() < before.hashrateTh()) {
                    errors.add(new ConfigError(file, "$.curve[" + i + "].hashrateTh", p.hashrateTh()
                            + " TH/s is below the point before (" + before.hashrateTh()
                            + " TH/s): more power never hashes less"));
                }
            }
            points.add(p);
        }
        return points;
    }

    private static void checkCoverage(String file, MinerCurve curve, double minW, double maxW,
            List<ConfigError> errors) {
        if (curve.minPowerW() > minW || curve.maxPowerW() < maxW) {
            errors.add(new ConfigError(file, "$.curve", "the curve (" + curve.minPowerW() + ".." + curve.maxPowerW()
                    + " W) must cover every accepted power target (" + minW + ".." + maxW + " W)"));
        }
    }

    private static void checkNominal(String file, MinerCurve curve, double nominalW, double nominalTh,
            List<ConfigError> errors) {
        if (nominalW < curve.minPowerW() || nominalW > curve.maxPowerW()) {
            return; // reported as outside the power-target range or the coverage
        }
        double atNominal = curve.hashrateThAt(nominalW);
        if (Math.abs(atNominal - nominalTh) > NOMINAL_TOLERANCE * nominalTh) {
            errors.add(new ConfigError(file, "$.nominal.hashrateTh", String.format(Locale.ROOT,
                    "the curve gives %.1f TH/s at the nominal %.0f W, not the nominal %.1f TH/s (1 %% tolerance)",
                    atNominal, nominalW, nominalTh)));
        }
    }
}
