package io.containeredge.cloud.remote;

import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.gateway.api.ConfigVersion;
import io.containeredge.gateway.api.SiteConfigurations;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Versions in memory; a site document without {@code "site"} in it is refused with two errors. Not shared with
 * the console's on purpose: each bundle's tests refuse a different document, as their stories need.
 */
final class FakeConfigurations implements SiteConfigurations {

    final List<ConfigDocuments> documents = new ArrayList<>();
    final List<ConfigVersion> versions = new ArrayList<>();

    FakeConfigurations() {
        store(new ConfigDocuments("site: demo-site\n", Map.of()), "file");
    }

    @Override
    public ConfigVersion apply(ConfigDocuments docs, String source) throws ConfigException {
        List<ConfigError> errors = validate(docs);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return store(docs, source);
    }

    @Override
    public List<ConfigError> validate(ConfigDocuments docs) {
        return docs.site().contains("site") ? List.of()
                : List.of(new ConfigError("site", "$.site", "required property missing"),
                        new ConfigError("site", "$.devices[0].unitId", "must be 1..247"));
    }

    @Override
    public ConfigVersion rollback(int version, String source) throws ConfigException {
        if (version < 1 || version > documents.size()) {
            throw new IllegalArgumentException("no version " + version);
        }
        return store(documents.get(version - 1), source);
    }

    @Override
    public ConfigVersion current() {
        return versions.get(versions.size() - 1);
    }

    @Override
    public List<ConfigVersion> history() {
        List<ConfigVersion> newestFirst = new ArrayList<>(versions);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public ConfigDocuments documents(int version) {
        if (version < 1 || version > documents.size()) {
            throw new IllegalArgumentException("no version " + version);
        }
        return documents.get(version - 1);
    }

    private ConfigVersion store(ConfigDocuments docs, String source) {
        documents.add(docs);
        ConfigVersion v = new ConfigVersion(documents.size(), 1000L * documents.size(), source,
                ConfigVersion.State.ON_TRIAL, "", "sha-" + documents.size());
        versions.add(v);
        return v;
    }
}
