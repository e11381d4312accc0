package io.containeredge.site.api;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.site.internal.MinerDialectCatalogue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The firmware dialects a site or a miner model may name: the ones shipped in this bundle
 * ({@code firmware-config/dialects/}) and, for a configuration directory, those in its own {@code dialects/}
 * folder, which add to the shipped ones or replace one of the same id. A refused document is left out; its
 * errors (file, path, reason) are in {@link #errors()}.
 */
public final class MinerDialects {

    private final Map<String, MinerDialect> byId;
    private final List<ConfigError> errors;

    public MinerDialects(Map<String, MinerDialect> byId, List<ConfigError> errors) {
        this.byId = Map.copyOf(byId);
        this.errors = List.copyOf(errors);
    }

    /** The dialects shipped in this bundle. */
    public static MinerDialects builtIn() {
        return MinerDialectCatalogue.builtIn();
    }

    /** The shipped dialects plus those in {@code <configDirectory>/dialects/}. */
    public static MinerDialects load(Path configDirectory) {
        return MinerDialectCatalogue.load(new ConfigSource(configDirectory));
    }

    /** The shipped CGMiner-style dialect: what a miner speaks when nothing names another. */
    public static MinerDialect defaultDialect() {
        return builtIn().get(MinerDialect.DEFAULT_ID).orElseThrow(() -> new IllegalStateException(
                "the shipped dialect '" + MinerDialect.DEFAULT_ID + "' is refused: " + builtIn().errors()));
    }

    public Optional<MinerDialect> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids of the dialects that loaded, sorted. */
    public Set<String> ids() {
        return new TreeMap<>(byId).keySet();
    }

    /** Why each refused dialect document was refused, with its file and path. */
    public List<ConfigError> errors() {
        return errors;
    }
}
