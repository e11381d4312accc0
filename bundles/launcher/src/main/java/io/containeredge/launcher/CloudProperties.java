package io.containeredge.launcher;

import io.containeredge.modbus.config.ConfigError;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The cloud link's settings from a properties file ({@code --cloud <file>}, on a site
 * {@code /etc/containeredge/cloud.properties}, readable only by the gateway's user because it holds
 * the broker password and the command keys). Keys are the cloud configuration's attribute ids
 * ({@code io.containeredge.cloud}); an unknown key or a malformed number is an error naming the
 * key, so a typo never silently leaves a setting at its default.
 */
final class CloudProperties {

    private enum Type { TEXT, LIST, INTEGER, DECIMAL }

    private static final Map<String, Type> KEYS = Map.ofEntries(
            Map.entry("server.uris", Type.LIST),
            Map.entry("client.id", Type.TEXT),
            Map.entry("username", Type.TEXT),
            Map.entry("password", Type.TEXT),
            Map.entry("tls.trust.store", Type.TEXT),
            Map.entry("tls.trust.store.password", Type.TEXT),
            Map.entry("tls.key.store", Type.TEXT),
            Map.entry("tls.key.store.password", Type.TEXT),
            Map.entry("command.keys", Type.LIST),
            Map.entry("keep.alive.s", Type.INTEGER),
            Map.entry("reconnect.max.s", Type.INTEGER),
            Map.entry("drain.rate", Type.INTEGER),
            Map.entry("queue.capacity.mb", Type.INTEGER),
            Map.entry("deadband", Type.DECIMAL),
            Map.entry("full.refresh.s", Type.INTEGER),
            Map.entry("decision.summary.s", Type.INTEGER),
            Map.entry("primary.host.id", Type.TEXT),
            Map.entry("sparkplug.qos", Type.INTEGER));

    private CloudProperties() {
    }

    /**
     * Reads {@code file} into configuration properties.
     *
     * @throws IllegalArgumentException listing every problem, with the file name
     */
    static Dictionary<String, Object> read(Path file) {
        Dictionary<String, Object> out = new Hashtable<>();
        List<ConfigError> errors = read(file, out);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")));
        }
        return out;
    }

    /** Every problem of {@code file}, each with its key as the path; empty when {@link #read(Path)} accepts it. */
    static List<ConfigError> check(Path file) {
        return read(file, new Hashtable<>());
    }

    private static List<ConfigError> read(Path file, Dictionary<String, Object> out) {
        Properties raw = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return List.of(new ConfigError(file.toString(), "$", "cannot read: " + e));
        }
        List<ConfigError> errors = new ArrayList<>();
        for (String key : new TreeSet<>(raw.stringPropertyNames())) {
            String value = raw.getProperty(key).trim();
            Type type = KEYS.get(key);
            if (type == null) {
                errors.add(new ConfigError(file.toString(), key, "unknown key (known: " + new TreeSet<>(KEYS.keySet()) + ")"));
                continue;
            }
            try {
                out.put(key, convert(type, value));
            } catch (NumberFormatException e) {
                errors.add(new ConfigError(file.toString(), key,
                        "'" + value + "' is not " + (type == Type.INTEGER ? "an integer" : "a number")));
            }
        }
        return errors;
    }

    private static Object convert(Type type, String value) {
        return switch (type) {
            case TEXT -> value;
            case LIST -> Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                    .toArray(String[]::new);
            case INTEGER -> Integer.valueOf(value);
            case DECIMAL -> Double.valueOf(value);
        };
    }
}
