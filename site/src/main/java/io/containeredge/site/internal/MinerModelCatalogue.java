package io.containeredge.site.internal;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.modbus.config.YamlDocuments;
import io.containeredge.site.api.MinerModel;
import io.containeredge.site.api.MinerModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads miner models: the ones shipped in this bundle (listed in {@code miners/index.txt}, since a bundle
 * cannot list its own folders), then a configuration directory's {@code miners/*.yaml}, which add to or
 * replace shipped ones. Each document is checked by {@link MinerModelParser}; a refused one is left out.
 */
public final class MinerModelCatalogue {

    static final String FOLDER = "miners/";
    private static final String SUFFIX = ".yaml";
    /** Shipped documents do not change while the bundle runs: parsed once. */
    private static volatile MinerModels builtIn;

    private MinerModelCatalogue() {
    }

    public static MinerModels builtIn() {
        MinerModels loaded = builtIn;
        if (loaded == null) {
            Map<String, MinerModel> byId = new LinkedHashMap<>();
            List<ConfigError> errors = new ArrayList<>();
            for (String id : builtInIds(errors)) {
                readBuiltIn(id, byId, errors);
            }
            loaded = new MinerModels(byId, errors);
            builtIn = loaded;
        }
        return loaded;
    }

    /** The shipped models, with those of the source's directory (if any) over them. */
    public static MinerModels load(ConfigSource source) {
        if (source.directory().isEmpty() || !Files.isDirectory(source.directory().get().resolve(FOLDER))) {
            return builtIn();
        }
        MinerModels shipped = builtIn();
        Map<String, MinerModel> byId = new LinkedHashMap<>();
        shipped.all().forEach(m -> byId.put(m.id(), m));
        List<ConfigError> errors = new ArrayList<>(shipped.errors());
        Path folder = source.directory().get().resolve(FOLDER);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(SUFFIX)).sorted()
                    .toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - SUFFIX.length());
                byId.remove(id);
                try {
                    byId.put(id, MinerModelParser.parse(file.toString(), YamlDocuments.read(file), id));
                } catch (ConfigException e) {
                    errors.addAll(e.errors());
                }
            }
        } catch (IOException e) {
            errors.add(new ConfigError(folder.toString(), "$", "cannot list: " + e.getMessage()));
        }
        return new MinerModels(byId, errors);
    }

    private static List<String> builtInIds(List<ConfigError> errors) {
        try {
            return ConfigSource.builtInText(MinerModelCatalogue.class, FOLDER + "index.txt").orElse("").lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (ConfigException e) {
            errors.addAll(e.errors());
            return List.of();
        }
    }

    private static void readBuiltIn(String id, Map<String, MinerModel> byId, List<ConfigError> errors) {
        String relative = FOLDER + id + SUFFIX;
        String name = "built-in:" + relative;
        try {
            String text = ConfigSource.builtInText(MinerModelCatalogue.class, relative).orElseThrow(
                    () -> ConfigException.single(name, "$", "listed in miners/index.txt but not shipped"));
            byId.put(id, MinerModelParser.parse(name, YamlDocuments.parse(name, text), id));
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
    }
}
