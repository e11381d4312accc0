package io.containeredge.modbus.sunspec;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SunSpec model definitions by id, read from {@code sunspec/model_<id>.yaml} of a {@link ConfigSource}
 * (a site directory first, then the bundled tree), schema-validated and parsed once.
 */
public final class SunSpecModels {

    private final ConfigSource source;
    private final Map<Integer, SunSpecModel> cache = new ConcurrentHashMap<>();

    public SunSpecModels(ConfigSource source) {
        this.source = source;
    }

    /** The definitions shipped in this bundle only. */
    public static SunSpecModels builtIn() {
        return new SunSpecModels(ConfigSource.builtIn());
    }

    /** @throws ConfigException if there is no definition for {@code id} or it is malformed */
    public SunSpecModel get(int id) throws ConfigException {
        SunSpecModel cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        String relative = "sunspec/model_" + id + ".yaml";
        ConfigSource.Document doc = source.read(relative).orElseThrow(() -> ConfigException.single(relative, "$",
                "no definition of SunSpec model " + id + " in the configuration directory or the built-in models"));
        SunSpecModel model = SunSpecModelParser.parse(doc.name(), doc.tree(), id);
        cache.put(id, model);
        return model;
    }
}
