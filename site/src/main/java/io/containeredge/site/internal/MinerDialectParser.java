package io.containeredge.site.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.SchemaValidator;
import io.containeredge.site.api.MinerDialect;
import io.containeredge.site.api.MinerDialect.AverageRead;
import io.containeredge.site.api.MinerDialect.Fields;
import io.containeredge.site.api.MinerDialect.Login;
import io.containeredge.site.api.MinerDialect.Read;
import io.containeredge.site.api.MinerDialect.Request;
import io.containeredge.site.api.MinerDialect.StateRead;
import io.containeredge.site.api.MinerDialect.Transport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a dialect document into a {@link MinerDialect}: the schema ({@code miner-dialect.schema.json}), then
 * what a schema cannot say: each request has the parts its transport needs (a command for tcp-json; a method
 * and a path for http-json) and none of the other's, a login only on http-json, bodies that are JSON once
 * {@value MinerDialect#WATTS} is filled in, distinct status request names, and fields that read only from
 * status requests the document names.
 */
final class MinerDialectParser {

    private static final SchemaValidator SCHEMA = SchemaValidator.forSchema(MinerDialectParser.class, "miner-dialect");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** TH/s per unit a hashrate may be written in. */
    private static final Map<String, Double> TH_PER_UNIT = Map.of("H/s", 1e-12, "MH/s", 1e-6, "GH/s", 1e-3, "TH/s", 1.0);
    private static final String[] COMMANDS = {"sleep", "wake", "powerTarget"};

    private MinerDialectParser() {
    }

    /**
     * @param expectedId the id the file name gives, which the document must carry
     * @throws ConfigException with every error found
     */
    static MinerDialect parse(String file, JsonNode doc, String expectedId) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>(SCHEMA.validate(file, doc));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        String id = doc.get("id").asText();
        if (!id.equals(expectedId)) {
            errors.add(new ConfigError(file, "$.id", "dialect id '" + id + "' does not match its file name '"
                    + expectedId + "'"));
        }
        Transport transport = Transport.valueOf(doc.get("transport").asText().toUpperCase(Locale.ROOT).replace('-', '_'));
        List<Request> status = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < doc.get("status").size(); i++) {
            JsonNode r = doc.get("status").get(i);
            String path = "$.status[" + i + "]";
            if (!names.add(r.get("name").asText())) {
                errors.add(new ConfigError(file, path + ".name", "status request '" + r.get("name").asText()
                        + "' is named twice"));
            }
            status.add(request(file, path, r.get("name").asText(), r, transport, errors));
        }
        List<Request> commands = new ArrayList<>();
        for (String role : COMMANDS) {
            commands.add(request(file, "$." + role, role, doc.get(role), transport, errors));
        }
        Optional<Login> login = login(file, doc.path("login"), transport, errors);
        Fields fields = fields(file, doc.get("fields"), names, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new MinerDialect(id, doc.get("name").asText(), transport, login, status, commands.get(0),
                commands.get(1), commands.get(2), fields);
    }

    private static Request request(String file, String path, String name, JsonNode r, Transport transport,
            List<ConfigError> errors) {
        boolean tcp = transport == Transport.TCP_JSON;
        for (String part : tcp ? new String[] {"method", "path", "body"} : new String[] {"command", "parameter"}) {
            if (r.has(part)) {
                errors.add(new ConfigError(file, path + "." + part, "'" + part + "' is not part of a "
                        + transport.key() + " request"));
            }
        }
        for (String part : tcp ? new String[] {"command"} : new String[] {"method", "path"}) {
            if (!r.has(part)) {
                errors.add(new ConfigError(file, path, "a " + transport.key() + " request needs '" + part + "'"));
            }
        }
        if (!tcp) {
            requireJson(file, path + ".body", r.path("body").asText(""), errors);
        }
        return tcp ? new Request(name, "", r.path("command").asText(""), r.path("parameter").asText(""))
                : new Request(name, r.path("method").asText(""), r.path("path").asText(""), r.path("body").asText(""));
    }

    private static Optional<Login> login(String file, JsonNode l, Transport transport, List<ConfigError> errors) {
        if (l.isMissingNode()) {
            return Optional.empty();
        }
        if (transport != Transport.HTTP_JSON) {
            errors.add(new ConfigError(file, "$.login", "a login is part of http-json only"));
        }
        requireJson(file, "$.login.body", l.path("body").asText(""), errors);
        return Optional.of(new Login(l.get("method").asText(), l.get("path").asText(), l.path("body").asText(""),
                l.get("token").asText(), Optional.ofNullable(l.get("lifetimeSeconds")).map(JsonNode::asText),
                l.get("header").asText(), l.path("prefix").asText("")));
    }

    /** An empty body is no body; a written one must be JSON once a power target is filled in. */
    private static void requireJson(String file, String path, String body, List<ConfigError> errors) {
        if (body.isEmpty()) {
            return;
        }
        try {
            JSON.readTree(body.replace(MinerDialect.WATTS, "1000"));
        } catch (JsonProcessingException e) {
            errors.add(new ConfigError(file, path, "not JSON once " + MinerDialect.WATTS + " is filled in: "
                    + e.getOriginalMessage()));
        }
    }

    private static Fields fields(String file, JsonNode f, Set<String> names, List<ConfigError> errors) {
        Optional<StateRead> state = Optional.ofNullable(f.get("state")).map(s -> {
            knownRequest(file, "$.fields.state", s, names, errors);
            return new StateRead(s.get("from").asText(), s.get("pointer").asText(), lower(s.get("awake")),
                    lower(s.get("sleeping")));
        });
        Optional<Read> pauseReason = Optional.ofNullable(f.get("pauseReason"))
                .map(r -> read(file, "$.fields.pauseReason", r, names, errors));
        return new Fields(reads(file, "hashrate", f, names, errors), reads(file, "power", f, names, errors),
                reads(file, "powerTarget", f, names, errors), reads(file, "temperatures", f, names, errors),
                state, pauseReason, averages(file, f, names, errors));
    }

    private static List<AverageRead> averages(String file, JsonNode f, Set<String> names, List<ConfigError> errors) {
        List<AverageRead> reads = new ArrayList<>();
        JsonNode list = f.path("averageHashrate");
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            reads.add(new AverageRead(read(file, "$.fields.averageHashrate[" + i + "]", r, names, errors),
                    r.get("windowSeconds").asInt()));
        }
        return reads;
    }

    private static List<Read> reads(String file, String field, JsonNode f, Set<String> names,
            List<ConfigError> errors) {
        List<Read> reads = new ArrayList<>();
        JsonNode list = f.path(field);
        for (int i = 0; i < list.size(); i++) {
            reads.add(read(file, "$.fields." + field + "[" + i + "]", list.get(i), names, errors));
        }
        return reads;
    }

    private static Read read(String file, String path, JsonNode r, Set<String> names, List<ConfigError> errors) {
        knownRequest(file, path, r, names, errors);
        double scale = r.has("unit") ? TH_PER_UNIT.get(r.get("unit").asText()) : 1;
        return new Read(r.get("from").asText(), r.get("pointer").asText(), scale);
    }

    private static void knownRequest(String file, String path, JsonNode r, Set<String> names,
            List<ConfigError> errors) {
        String from = r.get("from").asText();
        if (!names.contains(from)) {
            errors.add(new ConfigError(file, path + ".from", "no status request '" + from + "'; the status requests: "
                    + String.join(", ", new java.util.TreeSet<>(names))));
        }
    }

    private static Set<String> lower(JsonNode values) {
        Set<String> out = new HashSet<>();
        values.forEach(v -> out.add(v.asText().toLowerCase(Locale.ROOT)));
        return out;
    }
}
