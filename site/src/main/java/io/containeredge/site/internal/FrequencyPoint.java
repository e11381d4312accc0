package io.containeredge.site.internal;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.sunspec.SunSpecModels;
import io.containeredge.site.api.FrequencyGuardSettings;
import io.containeredge.site.api.SiteConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The under-frequency guard's point must exist in its meter's profile, listed or (for a SunSpec profile) as
 * {@code m<model>.<Point>} of a model the profile maps: a guard that never finds its point would be blind forever.
 * Needs the devices' profiles, so it runs once they are resolved.
 */
final class FrequencyPoint {

    private FrequencyPoint() {
    }

    /**
     * @param site the site, or null when it was refused (nothing to add then)
     * @param profiles the profile of every device whose profile was accepted (a refused one is reported already)
     */
    static List<ConfigError> check(String file, SiteConfig site, Map<String, DeviceProfile> profiles,
            SunSpecModels models) {
        Optional<FrequencyGuardSettings> guard = site == null ? Optional.empty() : site.grid().frequency();
        if (guard.isEmpty() || !profiles.containsKey(guard.get().device())) {
            return List.of();
        }
        FrequencyGuardSettings f = guard.get();
        DeviceProfile profile = profiles.get(f.device());
        if (profile.point(f.point()).isPresent() || inSunSpecModel(profile, f.point(), models)) {
            return List.of();
        }
        return List.of(new ConfigError(file, "$.grid.frequency.point", "profile '" + profile.id() + "' of device '"
                + f.device() + "' has no point '" + f.point() + "'"));
    }

    private static boolean inSunSpecModel(DeviceProfile profile, String point, SunSpecModels models) {
        if (!profile.isSunSpec() || !point.matches("m[0-9]+\\..+")) {
            return false;
        }
        int model = Integer.parseInt(point.substring(1, point.indexOf('.')));
        try {
            return profile.sunspec().models().contains(model)
                    && models.get(model).placedAt(0, Integer.MAX_VALUE).stream().anyMatch(p -> p.name().equals(point));
        } catch (ConfigException e) {
            return false;
        }
    }
}
