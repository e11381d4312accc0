package io.containeredge.modbus.site;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.modbus.config.YamlDocuments;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.profile.ProfileRepository;
import io.containeredge.modbus.sunspec.SunSpecModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a site: the site document plus every profile its devices use. An invalid site document is
 * refused whole; an invalid profile refuses only the devices using it. Errors are collected across
 * documents, so a technician sees everything wrong in one go.
 */
public final class SiteLoader {

    private SiteLoader() {
    }

    /**
     * Loads the site of a configuration directory: {@code <dir>/site.yaml}, or else the only file in
     * {@code <dir>/sites/}.
     */
    public static LoadedSite loadDirectory(Path dir) throws ConfigException {
        return load(findSiteFile(dir), new ConfigSource(dir));
    }

    /** Loads a site file; its profiles come from {@code source}. */
    public static LoadedSite load(Path siteFile, ConfigSource source) throws ConfigException {
        return resolve(siteFile.toString(), SiteParser.parse(siteFile.toString(), YamlDocuments.read(siteFile)), source);
    }

    /** Loads a site shipped inside the bundle, e.g. {@code demo-container}. */
    public static LoadedSite loadBuiltIn(String name) throws ConfigException {
        ConfigSource source = ConfigSource.builtIn();
        String relative = "sites/" + name + ".yaml";
        ConfigSource.Document doc = source.read(relative)
                .orElseThrow(() -> ConfigException.single(relative, "$", "no built-in site '" + name + "'"));
        return resolve(doc.name(), SiteParser.parse(doc.name(), doc.tree()), source);
    }

    private static LoadedSite resolve(String file, SiteConfig site, ConfigSource source) throws ConfigException {
        ProfileRepository profiles = new ProfileRepository(source);
        SunSpecModels models = new SunSpecModels(source);
        Map<String, List<ConfigError>> refused = new HashMap<>();
        Map<String, DeviceProfile> byDevice = new HashMap<>();
        for (int i = 0; i < site.devices().size(); i++) {
            DeviceConfig d = site.devices().get(i);
            try {
                DeviceProfile profile = profiles.get(d.profile());
                requireModelDefinitions(profile, models);
                byDevice.put(d.id(), profile);
            } catch (ConfigException e) {
                List<ConfigError> errors = new ArrayList<>();
                errors.add(new ConfigError(file, "$.devices[" + i + "].profile",
                        "device '" + d.id() + "' not started: profile '" + d.profile() + "' refused"));
                errors.addAll(e.errors());
                refused.put(d.id(), errors);
            }
        }
        return new LoadedSite(site, byDevice, refused, source);
    }

    /** A SunSpec profile may only list models whose definitions exist, else discovery could not map them. */
    private static void requireModelDefinitions(DeviceProfile profile, SunSpecModels models) throws ConfigException {
        if (!profile.isSunSpec()) {
            return;
        }
        List<ConfigError> errors = new ArrayList<>();
        List<Integer> listed = profile.sunspec().models();
        for (int i = 0; i < listed.size(); i++) {
            try {
                models.get(listed.get(i));
            } catch (ConfigException e) {
                errors.add(new ConfigError("profiles/" + profile.id() + ".yaml", "$.sunspec.models[" + i + "]",
                        "no definition for SunSpec model " + listed.get(i) + ": " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    /** The site document of a configuration directory: {@code site.yaml}, or else the only {@code sites/*.yaml}. */
    public static Path findSiteFile(Path dir) throws ConfigException {
        Path direct = dir.resolve("site.yaml");
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        Path sites = dir.resolve("sites");
        List<Path> candidates = List.of();
        if (Files.isDirectory(sites)) {
            try (Stream<Path> files = Files.list(sites)) {
                candidates = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            } catch (IOException e) {
                throw ConfigException.single(sites.toString(), "$", "cannot list: " + e.getMessage());
            }
        }
        if (candidates.size() != 1) {
            throw ConfigException.single(dir.toString(), "$", candidates.isEmpty()
                    ? "no site.yaml and no sites/*.yaml in the configuration directory"
                    : "several sites in sites/; keep one or provide site.yaml: " + candidates);
        }
        return candidates.get(0);
    }
}
