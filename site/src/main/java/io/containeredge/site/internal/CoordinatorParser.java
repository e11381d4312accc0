package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.SchemaValidator;
import io.containeredge.modbus.config.YamlDocuments;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorConfig.Allocation;
import io.containeredge.site.api.CoordinatorConfig.Container;
import io.containeredge.site.api.CoordinatorConfig.Dashboard;
import io.containeredge.site.api.CoordinatorConfig.Leases;
import io.containeredge.site.api.CoordinatorConfig.Mqtt;
import io.containeredge.site.api.CoordinatorConfig.Poi;
import io.containeredge.site.api.CoordinatorConfig.Reports;
import io.containeredge.site.api.CoordinatorConfig.RequestKey;
import io.containeredge.site.api.CoordinatorConfig.Requests;
import io.containeredge.site.api.CoordinatorConfig.Signing;
import io.containeredge.site.api.CoordinatorConfig.ZooKeeper;
import io.containeredge.site.api.SiteLease;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a coordinator document into a {@link CoordinatorConfig}: the schema, then what a schema cannot say (the
 * fallback shares fit under the cap, unique container ids, lease timings that leave room for renewals, the files it
 * names). Every error at once. Reached through {@link io.containeredge.site.api.CoordinatorDocuments}.
 */
public final class CoordinatorParser {

    private static final SchemaValidator SCHEMA = SchemaValidator.forSchema(CoordinatorParser.class, "coordinator");

    private CoordinatorParser() {
    }

    /** @param config the configuration, null when anything is wrong */
    public record Parsed(CoordinatorConfig config, List<ConfigError> errors) {
    }

    /** Reads and checks the document at {@code file}; its file settings are relative to its directory. */
    public static Parsed read(Path file) {
        String name = file.toString();
        JsonNode doc;
        try {
            doc = YamlDocuments.read(file);
        } catch (ConfigException e) {
            return new Parsed(null, e.errors());
        }
        Path base = file.toAbsolutePath().getParent();
        List<ConfigError> errors = new ArrayList<>(SCHEMA.validate(name, doc));
        if (!errors.isEmpty()) {
            // the sections' readers rely on what the schema guarantees
            return new Parsed(null, errors);
        }
        JsonNode p = doc.get("poi");
        Poi poi = new Poi(p.get("capKw").asDouble(), p.path("auxiliariesKw").asDouble(0),
                p.path("marginKw").asDouble(0));
        List<Container> containers = new ArrayList<>();
        doc.get("containers").forEach(c -> containers.add(new Container(c.get("id").asText(),
                c.get("fallbackShareKw").asDouble())));
        JsonNode l = doc.path("leases");
        Leases leases = new Leases(duration(l, "duration", CoordinatorConfig.DEFAULT_LEASE_DURATION),
                duration(l, "renewEvery", CoordinatorConfig.DEFAULT_RENEW_EVERY));
        JsonNode a = doc.path("allocation");
        Allocation allocation = new Allocation(duration(a, "every", CoordinatorConfig.DEFAULT_ALLOCATION_EVERY),
                a.path("rampKwPerSecond").asDouble(CoordinatorConfig.DEFAULT_RAMP_KW_PER_SECOND));
        Reports reports = new Reports(duration(doc.path("reports"), "staleAfter", CoordinatorConfig.DEFAULT_STALE_AFTER));
        JsonNode z = doc.get("zookeeper");
        ZooKeeper zookeeper = new ZooKeeper(z.get("connect").asText(),
                duration(z, "sessionTimeout", CoordinatorConfig.DEFAULT_SESSION_TIMEOUT),
                z.path("basePath").asText(CoordinatorConfig.DEFAULT_BASE_PATH));
        Mqtt mqtt = mqtt(name, doc.get("mqtt"), base, errors);
        Optional<Path> secretFile = secretFile(name, "$.signing.secretFile", doc.get("signing").get("secretFile"),
                base, errors);
        Signing signing = new Signing(doc.get("signing").get("keyId").asText(), secretFile.orElse(null));
        Optional<Dashboard> dashboard = dashboard(name, doc.path("dashboard"), base, errors);
        Optional<Requests> requests = requests(name, doc.path("requests"), base, errors);
        errors.addAll(shares(name, poi, containers));
        errors.addAll(timings(name, leases, allocation, reports, zookeeper));
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new CoordinatorConfig(doc.get("site").asText(), poi, containers, leases, allocation, reports,
                zookeeper, mqtt, signing, dashboard, requests), List.of());
    }

    /** The cap covers the auxiliaries, and every container's fallback share at once: the POI holds whatever fails. */
    static List<ConfigError> shares(String file, Poi poi, List<Container> containers) {
        List<ConfigError> errors = new ArrayList<>();
        if (poi.availableKw() <= 0) {
            errors.add(new ConfigError(file, "$.poi.auxiliariesKw", "the auxiliaries " + kw(poi.auxiliariesKw())
                    + " and the margin " + kw(poi.marginKw()) + " leave nothing of the POI cap " + kw(poi.capKw())
                    + " for the containers"));
        }
        double sum = containers.stream().mapToDouble(Container::fallbackShareKw).sum();
        if (sum > poi.availableKw() + 1e-9) {
            errors.add(new ConfigError(file, "$.containers", "the fallback shares sum to " + kw(sum) + ", above the "
                    + kw(poi.availableKw()) + " the POI cap " + kw(poi.capKw()) + " leaves after the auxiliaries "
                    + kw(poi.auxiliariesKw()) + " and the margin " + kw(poi.marginKw())
                    + ": containers without a lease could overload the interconnection"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            if (!seen.add(containers.get(i).id())) {
                errors.add(new ConfigError(file, "$.containers[" + i + "].id", "container '" + containers.get(i).id()
                        + "' is listed twice"));
            }
        }
        return errors;
    }

    private static List<ConfigError> timings(String file, Leases leases, Allocation allocation, Reports reports,
            ZooKeeper zookeeper) {
        List<ConfigError> errors = new ArrayList<>();
        Duration term = leases.duration();
        positive(file, "$.leases.duration", term, errors);
        positive(file, "$.leases.renewEvery", leases.renewEvery(), errors);
        positive(file, "$.allocation.every", allocation.every(), errors);
        positive(file, "$.reports.staleAfter", reports.staleAfter(), errors);
        positive(file, "$.zookeeper.sessionTimeout", zookeeper.sessionTimeout(), errors);
        if (term.compareTo(SiteLease.MAX_TERM) > 0) {
            errors.add(new ConfigError(file, "$.leases.duration", text(term) + " is longer than the gateways accept ("
                    + text(SiteLease.MAX_TERM) + ")"));
        }
        if (leases.renewEvery().compareTo(term.dividedBy(3)) > 0) {
            errors.add(new ConfigError(file, "$.leases.renewEvery", text(leases.renewEvery()) + " is more than a third"
                    + " of the lease duration " + text(term) + ": two renewals in a row could not be lost"));
        }
        if (reports.staleAfter().compareTo(term.dividedBy(2)) >= 0) {
            errors.add(new ConfigError(file, "$.reports.staleAfter", text(reports.staleAfter()) + " is not below half"
                    + " the lease duration " + text(term) + ": a silent container would be noticed too late"));
        }
        if (zookeeper.sessionTimeout().compareTo(term.dividedBy(2)) >= 0) {
            errors.add(new ConfigError(file, "$.zookeeper.sessionTimeout", text(zookeeper.sessionTimeout())
                    + " is not below half the lease duration " + text(term)
                    + ": a standby would take over after the leases of a killed leader ended"));
        }
        return errors;
    }

    private static Mqtt mqtt(String file, JsonNode m, Path base, List<ConfigError> errors) {
        List<String> brokers = new ArrayList<>();
        m.get("brokers").forEach(b -> brokers.add(b.asText()));
        Optional<String> username = m.has("username") ? Optional.of(m.get("username").asText()) : Optional.empty();
        Optional<Path> passwordFile = file(file, "$.mqtt.passwordFile", m.path("passwordFile"), base, errors);
        Optional<Path> caFile = file(file, "$.mqtt.caFile", m.path("caFile"), base, errors);
        if (passwordFile.isPresent() != username.isPresent()) {
            errors.add(new ConfigError(file, "$.mqtt", "username and passwordFile go together"));
        }
        if (caFile.isEmpty() && brokers.stream().anyMatch(b -> b.startsWith("ssl://"))) {
            errors.add(new ConfigError(file, "$.mqtt.caFile", "an ssl:// broker needs the CA file its certificate is"
                    + " checked against"));
        }
        return new Mqtt(brokers, username, passwordFile, caFile);
    }

    private static Optional<Dashboard> dashboard(String file, JsonNode d, Path base, List<ConfigError> errors) {
        if (d.isMissingNode()) {
            return Optional.empty();
        }
        Path users = base.resolve(d.get("usersFile").asText());
        Path keystore = base.resolve(d.get("keystoreDir").asText());
        // the dashboard may write both (its first login, its certificate): their directories must be there
        CoordinatorFiles.directory(file, "$.dashboard.usersFile", users.getParent(), errors);
        CoordinatorFiles.directory(file, "$.dashboard.keystoreDir", keystore, errors);
        return Optional.of(new Dashboard(d.path("bind").asText(CoordinatorConfig.DEFAULT_DASHBOARD_BIND),
                d.get("port").asInt(), users, keystore));
    }

    /** Each key's secret file read now (a start never fails on it later); a key id given twice is refused. */
    private static Optional<Requests> requests(String file, JsonNode r, Path base, List<ConfigError> errors) {
        if (r.isMissingNode()) {
            return Optional.empty();
        }
        List<RequestKey> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < r.get("keys").size(); i++) {
            JsonNode k = r.get("keys").get(i);
            String path = "$.requests.keys[" + i + "]";
            String keyId = k.get("keyId").asText();
            if (!ids.add(keyId)) {
                errors.add(new ConfigError(file, path + ".keyId", "key '" + keyId + "' is listed twice"));
            }
            secretFile(file, path + ".secretFile", k.get("secretFile"), base, errors)
                    .ifPresent(secret -> keys.add(new RequestKey(keyId, secret)));
        }
        return Optional.of(new Requests(keys));
    }

    /** A secret file's path once it reads as a secret ({@link CoordinatorFiles#secret}); empty, and said, when not. */
    private static Optional<Path> secretFile(String file, String path, JsonNode node, Path base,
            List<ConfigError> errors) {
        Optional<Path> secret = file(file, path, node, base, errors);
        try {
            if (secret.isPresent()) {
                CoordinatorFiles.secret(file, path, secret.get());
            }
            return secret;
        } catch (ConfigException e) {
            errors.addAll(e.errors());
            return Optional.empty();
        }
    }

    private static Optional<Path> file(String file, String path, JsonNode node, Path base, List<ConfigError> errors) {
        int before = errors.size();
        Optional<String> written = FilePaths.optional(file, path, node, errors);
        if (written.isEmpty() || errors.size() > before) {
            return Optional.empty();
        }
        Path resolved = base.resolve(written.get());
        CoordinatorFiles.readable(file, path, resolved, errors);
        return errors.size() > before ? Optional.empty() : Optional.of(resolved);
    }

    private static Duration duration(JsonNode parent, String field, Duration fallback) {
        return parent.has(field) ? Durations.parse(parent.get(field).asText()) : fallback;
    }

    private static void positive(String file, String path, Duration d, List<ConfigError> errors) {
        if (d.isZero() || d.isNegative()) {
            errors.add(new ConfigError(file, path, "must be longer than 0"));
        }
    }

    private static String text(Duration d) {
        return SettingRanges.text(d);
    }

    private static String kw(double v) {
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v)) + " kW";
    }
}
