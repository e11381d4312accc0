package io.containeredge.modbus.profile;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds profiles by id in {@code profiles/<id>.yaml} of a {@link ConfigSource}; parses each once. */
public final class ProfileRepository {

    private final ConfigSource source;
    private final Map<String, DeviceProfile> cache = new ConcurrentHashMap<>();

    public ProfileRepository(ConfigSource source) {
        this.source = source;
    }

    public DeviceProfile get(String id) throws ConfigException {
        DeviceProfile cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        String relative = "profiles/" + id + ".yaml";
        ConfigSource.Document doc = source.read(relative).orElseThrow(() -> ConfigException.single(
                relative, "$", "no profile '" + id + "' in the configuration directory or the built-in profiles"));
        DeviceProfile profile = ProfileParser.parse(doc.name(), doc.tree());
        if (!profile.id().equals(id)) {
            throw ConfigException.single(doc.name(), "$.id",
                    "profile id '" + profile.id() + "' does not match its file name '" + id + "'");
        }
        cache.put(id, profile);
        return profile;
    }
}
