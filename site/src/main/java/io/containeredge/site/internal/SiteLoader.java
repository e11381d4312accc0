package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.modbus.config.YamlDocuments;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.profile.ProfileRepository;
import io.containeredge.modbus.sunspec.SunSpecModels;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.MinerModels;
import io.containeredge.site.api.SiteCheck;
import io.containeredge.site.api.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads a site: the site document plus every profile its devices use. An invalid site document is
 * refused whole; an invalid profile refuses only the devices using it. Errors are collected across
 * documents, so a technician sees everything wrong in one go. Reached through
 * {@link io.containeredge.site.api.SiteDocuments}.
 */
public final class SiteLoader {

    private static final String PROFILE_SUFFIX = ".yaml";

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
        String file = siteFile.toString();
        return resolve(file, SiteParser.parse(file, YamlDocuments.read(siteFile), MinerModelCatalogue.load(source)), source);
    }

    /** Loads a site shipped inside this bundle, e.g. {@code demo-container}; its profiles are the built-in ones. */
    public static LoadedSite loadBuiltIn(String name) throws ConfigException {
        String file = "built-in:" + builtInFile(name);
        JsonNode doc = YamlDocuments.parse(file, builtInText(name));
        return resolve(file, SiteParser.parse(file, doc, MinerModelCatalogue.builtIn()), ConfigSource.builtIn());
    }

    /** The text of a site shipped inside this bundle, as written. */
    public static String builtInText(String name) throws ConfigException {
        String relative = builtInFile(name);
        return ConfigSource.builtInText(SiteLoader.class, relative)
                .orElseThrow(() -> ConfigException.single(relative, "$", "no built-in site '" + name + "'"));
    }

    private static String builtInFile(String name) {
        return "sites/" + name + ".yaml";
    }

    /**
     * Everything the gateway would refuse in a configuration directory, all at once, without running any of
     * it (for {@code --check}): the site document (every schema error, and the cross-checks and safety
     * invariants of every section the schema accepted), every device's profile, also when the site document
     * itself is refused, and every profile in {@code profiles/}, miner model in {@code miners/} and firmware
     * dialect in {@code dialects/}, used or
     * not, as the gateway refuses a version holding a broken one.
     */
    public static SiteCheck check(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new SiteCheck(Optional.empty(), List.of(new ConfigError(dir.toString(), "$", "not a directory")));
        }
        ConfigSource source = new ConfigSource(dir);
        ProfileRepository profiles = new ProfileRepository(source);
        MinerModels models = MinerModelCatalogue.load(source);
        List<ConfigError> errors = new ArrayList<>();
        SiteConfig site = null;
        List<DeviceConfig> devices = List.of();
        Map<String, DeviceProfile> byDevice = Map.of();
        try {
            Path siteFile = findSiteFile(dir);
            SiteParser.Parsed parsed = SiteParser.check(siteFile.toString(), YamlDocuments.read(siteFile), models);
            errors.addAll(parsed.errors());
            SunSpecModels sunspec = new SunSpecModels(source);
            Resolution resolution = resolve(siteFile.toString(), parsed.devices(), profiles, sunspec);
            resolution.refused().values().forEach(errors::addAll);
            errors.addAll(FlowLimit.check(siteFile.toString(), parsed.limits(), parsed.devices(), resolution.byDevice()));
            errors.addAll(FrequencyPoint.check(siteFile.toString(), parsed.site(), resolution.byDevice(),
                    sunspec));
            site = parsed.site();
            devices = parsed.devices();
            byDevice = resolution.byDevice();
        } catch (ConfigException e) {
            // no site document, or not YAML: the profiles in profiles/ are still worth checking
            errors.addAll(e.errors());
        }
        errors.addAll(unusedProfiles(dir, devices, profiles));
        // like profiles: a broken model in miners/ is refused also when no miner names it
        errors.addAll(models.errors());
        errors.addAll(models.dialects().errors());
        if (!errors.isEmpty()) {
            // devices sharing a broken profile would each repeat its errors
            return new SiteCheck(Optional.empty(), errors.stream().distinct().toList());
        }
        return new SiteCheck(Optional.of(new LoadedSite(site, byDevice, Map.of(), source)), List.of());
    }

    private static LoadedSite resolve(String file, SiteConfig site, ConfigSource source) throws ConfigException {
        SunSpecModels models = new SunSpecModels(source);
        Resolution resolution = resolve(file, site.devices(), new ProfileRepository(source), models);
        List<ConfigError> unsafe = new ArrayList<>(FlowLimit.check(file, site.limits(), site.devices(),
                resolution.byDevice()));
        unsafe.addAll(FrequencyPoint.check(file, site, resolution.byDevice(), models));
        if (!unsafe.isEmpty()) {
            throw new ConfigException(unsafe);
        }
        return new LoadedSite(site, resolution.byDevice(), resolution.refused(), source);
    }

    /** Each device's profile, or the errors that refuse the device (in the order of the devices). */
    private record Resolution(Map<String, DeviceProfile> byDevice, Map<String, List<ConfigError>> refused) {
    }

    private static Resolution resolve(String file, List<DeviceConfig> devices, ProfileRepository profiles,
            SunSpecModels models) {
        Map<String, List<ConfigError>> refused = new LinkedHashMap<>();
        Map<String, DeviceProfile> byDevice = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            DeviceConfig d = devices.get(i);
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
        return new Resolution(byDevice, refused);
    }

    /** The profiles in {@code <dir>/profiles/} no device uses: the site never loads them, so check them here. */
    private static List<ConfigError> unusedProfiles(Path dir, List<DeviceConfig> devices, ProfileRepository profiles) {
        Path profilesDir = dir.resolve("profiles");
        if (!Files.isDirectory(profilesDir)) {
            return List.of();
        }
        Set<String> used = devices.stream().map(DeviceConfig::profile).collect(Collectors.toSet());
        List<String> unused;
        try (Stream<Path> files = Files.list(profilesDir)) {
            unused = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(PROFILE_SUFFIX))
                    .map(name -> name.substring(0, name.length() - PROFILE_SUFFIX.length()))
                    .filter(id -> !used.contains(id)).sorted().toList();
        } catch (IOException e) {
            return List.of(new ConfigError(profilesDir.toString(), "$", "cannot list: " + e.getMessage()));
        }
        List<ConfigError> errors = new ArrayList<>();
        for (String id : unused) {
            try {
                profiles.get(id);
            } catch (ConfigException e) {
                errors.addAll(e.errors());
            }
        }
        return errors;
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
