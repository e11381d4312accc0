package io.containeredge.site.api;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.site.internal.MinerModelCatalogue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The miner models a site may name: the catalogue shipped in this bundle ({@code firmware-config/miners/})
 * and, for a configuration directory, the models in its own {@code miners/} folder next to {@code profiles/},
 * which add to the shipped ones or replace a shipped one of the same id. A model document that is refused
 * is left out of the catalogue; its errors (file, path, reason) are in {@link #errors()}. The firmware
 * dialects of the same source come along ({@link #dialects()}): a model names the one its firmware ships with.
 */
public final class MinerModels {

    private final Map<String, MinerModel> byId;
    private final List<ConfigError> errors;
    private final MinerDialects dialects;

    /** @param dialects the firmware dialects the models were checked against, which a site may name too */
    public MinerModels(Map<String, MinerModel> byId, List<ConfigError> errors, MinerDialects dialects) {
        this.byId = Map.copyOf(byId);
        this.errors = List.copyOf(errors);
        this.dialects = dialects;
    }

    /** Models checked against the shipped dialects. */
    public MinerModels(Map<String, MinerModel> byId, List<ConfigError> errors) {
        this(byId, errors, MinerDialects.builtIn());
    }

    /** The models shipped in this bundle. */
    public static MinerModels builtIn() {
        return MinerModelCatalogue.builtIn();
    }

    /** The shipped models plus those in {@code <configDirectory>/miners/}. */
    public static MinerModels load(Path configDirectory) {
        return MinerModelCatalogue.load(new ConfigSource(configDirectory));
    }

    /** The models of a configuration source: its directory's {@code miners/} over the shipped ones. */
    public static MinerModels of(ConfigSource source) {
        return MinerModelCatalogue.load(source);
    }

    public Optional<MinerModel> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids of the models that loaded, sorted. */
    public Set<String> ids() {
        return new TreeMap<>(byId).keySet();
    }

    /** The models that loaded, by id. */
    public List<MinerModel> all() {
        return new TreeMap<>(byId).values().stream().toList();
    }

    /** The firmware dialects of the same source: what the models and a site's miners may name. */
    public MinerDialects dialects() {
        return dialects;
    }

    /** Why each refused model document was refused, with its file and path. */
    public List<ConfigError> errors() {
        return errors;
    }
}
