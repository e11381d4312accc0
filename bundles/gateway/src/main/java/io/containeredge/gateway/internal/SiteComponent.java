package io.containeredge.gateway.internal;

import io.containeredge.gateway.api.SiteService;
import io.containeredge.gateway.webserver.WebServerConfiguration;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.site.api.WebServerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Set;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the configuration version the store made active, then derives the rest of the configuration
 * from it: one factory configuration per device (each becomes a {@link DeviceComponent}) and the web
 * server's configuration (binding, HTTPS). A new active version restarts this component and so
 * everything that uses the site. The store has validated the version; should it still not load, this
 * component, and so every device, does not start.
 */
@Component(service = SiteService.class, configurationPid = ActiveSiteConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public class SiteComponent implements SiteService {

    private static final Logger LOG = LoggerFactory.getLogger(SiteComponent.class);

    private final LoadedSite site;

    @Activate
    public SiteComponent(ActiveSiteConfiguration config, @Reference ConfigurationAdmin configAdmin)
            throws ConfigException, IOException, InvalidSyntaxException {
        try {
            site = SiteDocuments.load(Path.of(config.version_dir()));
        } catch (ConfigException e) {
            LOG.error("site configuration refused, no device started: {}", e.getMessage());
            throw e;
        }
        site.refused().values().forEach(errors -> LOG.error("device refused: {}", errors));
        LOG.info("site {} / container {}, configuration version {}: {} devices, {} refused", site.config().site(),
                site.config().container(), config.config_version(), site.profilesByDevice().size(),
                site.refused().size());
        WebServerSettings api = site.config().api();
        int port = config.api_port() > 0 ? config.api_port() : api.port();
        WebServerConfiguration.ofThisJava().write(configAdmin, api, port, Path.of(config.data_dir()),
                site.config().container());
        syncDeviceConfigurations(configAdmin);
    }

    @Override
    public LoadedSite site() {
        return site;
    }

    private void syncDeviceConfigurations(ConfigurationAdmin configAdmin) throws IOException, InvalidSyntaxException {
        Set<String> wanted = new HashSet<>();
        for (DeviceConfig d : site.config().devices()) {
            if (d.enabled() && site.profileOf(d.id()) != null) {
                wanted.add(d.id());
            }
        }
        Configuration[] existing = configAdmin.listConfigurations(
                "(service.factoryPid=" + DeviceComponent.FACTORY_PID + ")");
        if (existing != null) {
            for (Configuration c : existing) {
                Object id = c.getProperties().get("device.id");
                if (!wanted.remove(String.valueOf(id))) {
                    c.delete();
                }
            }
        }
        for (String id : wanted) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("device.id", id);
            configAdmin.getFactoryConfiguration(DeviceComponent.FACTORY_PID, id, "?").update(props);
        }
    }
}
