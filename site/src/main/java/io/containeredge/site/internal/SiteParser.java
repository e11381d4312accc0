package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.SchemaValidator;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.ControlSettings;
import io.containeredge.site.api.GridSettings;
import io.containeredge.site.api.Limits;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.MinerGroup;
import io.containeredge.site.api.MinerDialect;
import io.containeredge.site.api.MinerDialects;
import io.containeredge.site.api.MinerModel;
import io.containeredge.site.api.MinerModels;
import io.containeredge.site.api.MinerSpread;
import io.containeredge.site.api.PvPlantSettings;
import io.containeredge.site.api.SimulationConfig;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.WebServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** Turns a site document into a {@link SiteConfig}: schema, then cross-references and safety invariants. */
public final class SiteParser {

    private static final SchemaValidator SCHEMA = SchemaValidator.forSchema(SiteParser.class, "site");
    /** The rated power of a miner of no model when the site gives none. */
    private static final double DEFAULT_RATED_W = 3500;

    private SiteParser() {
    }

    /**
     * What {@link #check} found in a site document.
     *
     * @param site    the site, or null when anything is wrong
     * @param devices the devices as the document lists them, also when the site is refused (so their profiles
     *                can still be checked); empty when the devices section itself is refused
     * @param limits  the limits section, or null when it is refused (for the checks that need the profiles)
     * @param errors  every error, schema errors first
     */
    record Parsed(SiteConfig site, List<DeviceConfig> devices, Limits limits, List<ConfigError> errors) {
    }

    /** @param models the miner models the site may name */
    public static SiteConfig parse(String file, JsonNode doc, MinerModels models) throws ConfigException {
        Parsed parsed = check(file, doc, models);
        if (!parsed.errors().isEmpty()) {
            throw new ConfigException(parsed.errors());
        }
        return parsed.site();
    }

    /**
     * Every error of a site document at once: all schema errors, and the cross-checks and safety invariants
     * of every section the schema accepted (see {@link SiteChecks}).
     */
    static Parsed check(String file, JsonNode doc, MinerModels models) {
        List<ConfigError> errors = new ArrayList<>(SCHEMA.validate(file, doc));
        List<ConnectionConfig> connections = section(doc, "connections", true, errors, c -> list(c, SiteParser::connection));
        List<DeviceConfig> devices = section(doc, "devices", true, errors, d -> list(d, SiteParser::device));
        Limits limits = section(doc, "limits", true, errors, SiteParser::limits);
        MinerFleetConfig miners = section(doc, "miners", false, errors, m -> miners(m, models));
        WebServerSettings api = section(doc, "api", false, errors, SiteParser::webServer);
        ControlSettings control = control(acceptedFields(doc.path("control"), "$.control", errors));
        errors.addAll(SiteChecks.check(file, connections, devices, limits, miners, api));
        if (miners != null) {
            errors.addAll(MinerModelChecks.check(file, doc.path("miners"), models));
            errors.addAll(MinerDialectChecks.check(file, doc.path("miners"), models.dialects()));
        }
        errors.addAll(SettingRanges.check(file, control, miners));
        EconomicsParser.Read economics = section(doc, "economics", false, errors, e -> EconomicsParser.read(file, e));
        if (economics != null) {
            errors.addAll(economics.errors());
        }
        Optional<EconomicsSettings> economicsRead = economics == null ? Optional.empty() : economics.settings();
        int batteries = devices == null ? 0
                : (int) devices.stream().filter(d -> d.enabled() && "battery".equals(d.role())).count();
        PlannerParser.Read planner = section(doc, "planner", false, errors,
                p -> PlannerParser.read(file, p, economicsRead, batteries));
        if (planner != null) {
            errors.addAll(planner.errors());
        }
        AiParser.Read ai = section(doc, "ai", false, errors, a -> AiParser.read(file, a, limits));
        if (ai != null) {
            errors.addAll(ai.errors());
        }
        GridParser.Read grid = section(doc, "grid", false, errors, g -> GridParser.read(file, g, devices, limits));
        if (grid != null) {
            errors.addAll(grid.errors());
        }
        SiteLeaseParser.Read siteLease = section(doc, "siteLease", false, errors,
                s -> SiteLeaseParser.read(file, s, limits));
        if (siteLease != null) {
            errors.addAll(siteLease.errors());
        }
        List<DeviceConfig> listed = devices == null ? List.of() : devices;
        if (!errors.isEmpty()) {
            return new Parsed(null, listed, limits, errors);
        }
        SiteConfig site = new SiteConfig(
                doc.get("site").asText(),
                doc.get("container").asText(),
                doc.path("description").asText(""),
                connections,
                withFrequencyPoll(devices, grid.settings()),
                miners,
                limits,
                api,
                simulation(doc.path("simulation")),
                control,
                economics.settings(),
                planner.settings(),
                ai.settings(),
                grid.settings(),
                siteLease.settings());
        return new Parsed(site, listed, limits, errors);
    }

    /** The guard's meter reads its frequency point on its own, at the guard's poll (see {@link DeviceConfig}). */
    private static List<DeviceConfig> withFrequencyPoll(List<DeviceConfig> devices, GridSettings grid) {
        return grid.frequency().map(f -> devices.stream().map(d -> d.id().equals(f.device())
                ? d.withDedicatedPoll(f.point(), f.poll()) : d).toList()).orElse(devices);
    }

    /**
     * Reads a top-level section, or gives null when it cannot be read: a schema error lies inside it, or it
     * is required and missing. An optional section that is absent is read (as a missing node) for its defaults.
     */
    private static <T> T section(JsonNode doc, String name, boolean required, List<ConfigError> schemaErrors,
            Function<JsonNode, T> reader) {
        JsonNode node = doc.path(name);
        String path = "$." + name;
        boolean refused = schemaErrors.stream().map(ConfigError::path)
                .anyMatch(p -> p.equals(path) || p.startsWith(path + ".") || p.startsWith(path + "["));
        return refused || (required && node.isMissingNode()) ? null : reader.apply(node);
    }

    /**
     * An object section without the fields the schema refused (they read as their defaults), so every
     * other field is still range-checked: one refused setting hides no other unsafe one.
     */
    private static JsonNode acceptedFields(JsonNode section, String path, List<ConfigError> schemaErrors) {
        if (!section.isObject()) {
            return MissingNode.getInstance();
        }
        ObjectNode accepted = ((ObjectNode) section).deepCopy();
        schemaErrors.stream().map(ConfigError::path).filter(p -> p.startsWith(path + "."))
                .map(p -> p.substring(path.length() + 1).split("[.\\[]")[0])
                .forEach(accepted::remove);
        return accepted;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> reader) {
        List<T> items = new ArrayList<>();
        array.forEach(item -> items.add(reader.apply(item)));
        return items;
    }

    private static ConnectionConfig connection(JsonNode c) {
        return new ConnectionConfig(
                c.get("id").asText(),
                c.get("transport").asText(),
                c.path("host").asText(""),
                c.path("port").asInt(502),
                c.path("serialPort").asText(""),
                c.path("baudRate").asInt(9600),
                c.path("parity").asText("none"),
                c.path("dataBits").asInt(8),
                c.path("stopBits").asInt(1),
                duration(c, "timeout", "500ms"),
                duration(c, "minDelay", "0ms"),
                c.path("maxGap").asInt(16),
                duration(c, "backoffInitial", "1s"),
                duration(c, "backoffMax", "30s"));
    }

    private static DeviceConfig device(JsonNode d) {
        Map<PollClass, Duration> periods = new EnumMap<>(PollClass.class);
        for (PollClass pc : PollClass.values()) {
            periods.put(pc, duration(d.path("poll"), pc.key(), Durations.format(pc.defaultPeriod())));
        }
        return new DeviceConfig(
                d.get("id").asText(),
                d.get("role").asText(),
                d.get("profile").asText(),
                d.get("connection").asText(),
                d.get("unitId").asInt(),
                d.path("enabled").asBoolean(true),
                d.path("import").asBoolean(false),
                d.path("maxAgePolls").asInt(3),
                periods);
    }

    /**
     * The fleet with its models resolved (a model id the catalogue lacks reads as none; {@link MinerModelChecks}
     * refuses it). With a fleet model, the rated power is the model's nominal power.
     */
    private static MinerFleetConfig miners(JsonNode m, MinerModels models) {
        if (m.isMissingNode()) {
            return new MinerFleetConfig(0, "127.0.0.1", 4028, DEFAULT_RATED_W, 20);
        }
        List<MinerGroup> groups = new ArrayList<>();
        m.path("groups").forEach(g -> {
            Optional<MinerModel> groupModel = model(g, models);
            // a group's model's dialect is its own only where the fleet names none: written beats shipped
            Optional<MinerDialect> own = dialect(g, models)
                    .or(() -> m.has("dialect") ? Optional.empty() : groupModel.flatMap(md -> dialect(md, models)));
            groups.add(new MinerGroup(g.get("name").asText(), g.get("from").asInt(), g.get("to").asInt(),
                    g.path("priority").asInt(0), groupModel, own));
        });
        Optional<MinerModel> fleetModel = model(m, models);
        double rated = fleetModel.map(MinerModel::nominalPowerW).orElse(m.path("ratedPowerW").asDouble(DEFAULT_RATED_W));
        MinerDialect fleetDialect = dialect(m, models).or(() -> fleetModel.flatMap(md -> dialect(md, models)))
                .orElseGet(MinerDialects::defaultDialect);
        return new MinerFleetConfig(m.get("count").asInt(), m.get("host").asText(), m.get("basePort").asInt(),
                rated, m.path("socketsPerPdu").asInt(20), groups, fleetModel, fleetDialect);
    }

    /** The dialect a node names, if the catalogue has it ({@link MinerDialectChecks} refuses an unknown one). */
    private static Optional<MinerDialect> dialect(JsonNode node, MinerModels models) {
        return node.has("dialect") ? models.dialects().get(node.get("dialect").asText()) : Optional.empty();
    }

    private static Optional<MinerDialect> dialect(MinerModel model, MinerModels models) {
        return models.dialects().get(model.dialect());
    }

    private static Optional<MinerModel> model(JsonNode node, MinerModels models) {
        return node.has("model") ? models.get(node.get("model").asText()) : Optional.empty();
    }

    private static ControlSettings control(JsonNode c) {
        ControlSettings d = ControlSettings.DEFAULTS;
        return new ControlSettings(
                duration(c, "cycle", Durations.format(d.cycle())),
                c.path("hysteresisK").asDouble(d.hysteresisK()),
                c.path("curtailKwPerS").asDouble(d.curtailKwPerS()),
                c.path("safeMinerKw").asDouble(d.safeMinerKw()),
                duration(c, "failSafeHold", Durations.format(d.failSafeHold())),
                c.path("wakeRampKwPerS").asDouble(d.wakeRampKwPerS()),
                duration(c, "sleepConfirm", Durations.format(d.sleepConfirm())),
                duration(c, "minDwell", Durations.format(d.minDwell())),
                c.path("deltaTWarningK").asDouble(d.deltaTWarningK()),
                duration(c, "batteryFollow", Durations.format(d.batteryFollow())));
    }

    private static Limits limits(JsonNode l) {
        double rating = l.get("transformerRatingKva").asDouble();
        return new Limits(
                l.get("coolantSupplyWarningC").asDouble(),
                l.get("coolantSupplyTripC").asDouble(),
                l.get("coolantSupplyLowC").asDouble(),
                l.path("minFlowM3h").asDouble(Limits.NO_FLOW_LIMIT),
                rating,
                l.path("importCapKw").asDouble(rating),
                l.path("hotSpotLimitC").asDouble(110),
                l.path("hotSpotEmergencyC").asDouble(140));
    }

    private static WebServerSettings webServer(JsonNode api) {
        return new WebServerSettings(
                api.path("bind").asText(WebServerSettings.DEFAULT_BIND),
                api.path("port").asInt(WebServerSettings.DEFAULT_PORT),
                tlsMode(api.path("tls")),
                api.path("httpsPort").asInt(WebServerSettings.DEFAULT_HTTPS_PORT),
                optionalPath(api, "keyStore"),
                optionalPath(api, "keyStorePasswordFile"));
    }

    /** YAML reads an unquoted {@code on} / {@code off} as a boolean; the schema admits both spellings. */
    private static WebServerSettings.TlsMode tlsMode(JsonNode tls) {
        if (tls.isBoolean()) {
            return tls.booleanValue() ? WebServerSettings.TlsMode.ON : WebServerSettings.TlsMode.OFF;
        }
        return WebServerSettings.TlsMode.valueOf(tls.asText("auto").toUpperCase(Locale.ROOT));
    }

    private static Optional<Path> optionalPath(JsonNode parent, String field) {
        return parent.has(field) ? Optional.of(Path.of(parent.get(field).asText())) : Optional.empty();
    }

    private static SimulationConfig simulation(JsonNode s) {
        MinerSpread d = MinerSpread.DEFAULTS;
        return new SimulationConfig(
                s.path("ambientC").asDouble(25),
                optional(s, "minerSleepSeconds"),
                optional(s, "minerWakeSeconds"),
                s.path("batteryCapacityKwh").asDouble(500),
                s.path("batteryInitialSocPct").asDouble(60),
                s.path("auxiliaryLoadKw").asDouble(20),
                new MinerSpread(
                        s.path("minerSpreadPct").asDouble(d.spreadPct()),
                        s.path("minerSpreadSeed").asLong(d.seed()),
                        s.path("degradedEvery").asInt(d.degradedEvery()),
                        s.path("degradedHashrateLossPct").asDouble(d.degradedLossPct())),
                new PvPlantSettings(
                        s.path("pvRatedKw").asDouble(0),
                        s.path("latitude").asDouble(PvPlantSettings.DEFAULT_LATITUDE_DEG),
                        s.path("longitude").asDouble(PvPlantSettings.DEFAULT_LONGITUDE_DEG),
                        s.path("pvSeed").asLong(PvPlantSettings.DEFAULT_SEED)));
    }

    private static OptionalDouble optional(JsonNode parent, String field) {
        return parent.has(field) ? OptionalDouble.of(parent.get(field).asDouble()) : OptionalDouble.empty();
    }

    private static Duration duration(JsonNode parent, String field, String fallback) {
        return Durations.parse(parent.path(field).asText(fallback));
    }
}
