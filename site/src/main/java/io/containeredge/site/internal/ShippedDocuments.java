package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.modbus.config.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of documents, one per id ({@code <folder>/<id>.yaml}): the ones shipped in this bundle (listed in
 * {@code <folder>/index.txt}, since a bundle cannot list its own folders), then a configuration directory's,
 * which add to or replace shipped ones. Each document goes through the folder's parser; a refused one is left
 * out and its errors are kept.
 *
 * @param folder e.g. {@code miners/}
 */
record ShippedDocuments<T>(String folder, Parser<T> parser) {

    private static final String SUFFIX = ".yaml";

    /** Checks one document and makes it into what the folder holds. */
    @FunctionalInterface
    interface Parser<T> {
        /** @param expectedId the id the file name gives, which the document must carry */
        T parse(String file, JsonNode doc, String expectedId) throws ConfigException;
    }

    /** What loaded, by id, and why the rest did not. */
    record Loaded<T>(Map<String, T> byId, List<ConfigError> errors) {
    }

    Loaded<T> builtIn() {
        Map<String, T> byId = new LinkedHashMap<>();
        List<ConfigError> errors = new ArrayList<>();
        for (String id : builtInIds(errors)) {
            String relative = folder + id + SUFFIX;
            String name = "built-in:" + relative;
            try {
                String text = ConfigSource.builtInText(ShippedDocuments.class, relative).orElseThrow(
                        () -> ConfigException.single(name, "$", "listed in " + folder + "index.txt but not shipped"));
                byId.put(id, parser.parse(name, YamlDocuments.parse(name, text), id));
            } catch (ConfigException e) {
                errors.addAll(e.errors());
            }
        }
        return new Loaded<>(byId, errors);
    }

    /** The shipped documents with those of the source's directory (if it has the folder) over them. */
    Loaded<T> load(ConfigSource source, Loaded<T> shipped) {
        if (source.directory().isEmpty() || !Files.isDirectory(source.directory().get().resolve(folder))) {
            return shipped;
        }
        Map<String, T> byId = new LinkedHashMap<>(shipped.byId());
        List<ConfigError> errors = new ArrayList<>(shipped.errors());
        Path dir = source.directory().get().resolve(folder);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(SUFFIX)).sorted()
                    .toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - SUFFIX.length());
                byId.remove(id);
                try {
                    byId.put(id, parser.parse(file.toString(), YamlDocuments.read(file), id));
                } catch (ConfigException e) {
                    errors.addAll(e.errors());
                }
            }
        } catch (IOException e) {
            errors.add(new ConfigError(dir.toString(), "$", "cannot list: " + e.getMessage()));
        }
        return new Loaded<>(byId, errors);
    }

    private List<String> builtInIds(List<ConfigError> errors) {
        try {
            return ConfigSource.builtInText(ShippedDocuments.class, folder + "index.txt").orElse("").lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (ConfigException e) {
            errors.addAll(e.errors());
            return List.of();
        }
    }
}
