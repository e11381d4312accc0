package io.containeredge.console.web;

import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.gateway.api.ConfigVersion;
import io.containeredge.gateway.api.SiteConfigurations;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Versions in memory; a site document containing "trip: low" is refused with two errors, as by the real validator.
 * Not shared with the cloud's on purpose: each bundle's tests refuse a different document, as their stories need.
 */
final class FakeConfigurations implements SiteConfigurations {

    static final String BROKEN = "trip: low";
    final List<ConfigDocuments> versions = new ArrayList<>(List.of(new ConfigDocuments("site: s\n", Map.of())));
    final List<String> sources = new ArrayList<>(List.of("file"));

    @Override
    public List<ConfigError> validate(ConfigDocuments documents) {
        return documents.site().contains(BROKEN)
                ? List.of(new ConfigError("site.yaml", "$.limits.coolantSupplyTripC", "trip must be above warning"),
                        new ConfigError("site.yaml", "$.devices[0].unitId", "must be 1..247"))
                : List.of();
    }

    @Override
    public ConfigVersion apply(ConfigDocuments documents, String source) throws ConfigException {
        List<ConfigError> errors = validate(documents);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        versions.add(documents);
        sources.add(source);
        return current();
    }

    @Override
    public ConfigVersion rollback(int version, String source) throws ConfigException {
        if (version < 1 || version > versions.size()) {
            throw ConfigException.single("history", "$.version", "no configuration version " + version);
        }
        return apply(versions.get(version - 1), source);
    }

    @Override
    public ConfigVersion current() {
        return version(versions.size());
    }

    @Override
    public List<ConfigVersion> history() {
        List<ConfigVersion> all = new ArrayList<>();
        for (int v = versions.size(); v >= 1; v--) {
            all.add(version(v));
        }
        return all;
    }

    @Override
    public ConfigDocuments documents(int version) {
        if (version < 1 || version > versions.size()) {
            throw new IllegalArgumentException("no configuration version " + version);
        }
        return versions.get(version - 1);
    }

    private ConfigVersion version(int v) {
        return new ConfigVersion(v, 1000L * v, sources.get(v - 1), ConfigVersion.State.GOOD, "", "sha" + v);
    }
}
