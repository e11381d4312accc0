package io.containeredge.packaging.kura;

import static io.containeredge.packaging.kura.ReflectiveCalls.call;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

/** Writes configurations the way Kura's configuration service (or an operator in Kura's web UI) does. */
final class ConfigurationAdminClient {

    static final String SERVICE = "org.osgi.service.cm.ConfigurationAdmin";

    private final Object configurationAdmin;

    ConfigurationAdminClient(Object configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    /** Creates or replaces the configuration of {@code pid}, for whichever bundle registers that PID (location "?"). */
    void update(String pid, Map<String, Object> properties) {
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        call(call(configurationAdmin, "getConfiguration", pid, "?"), "update", dictionary);
    }
}
