package io.containeredge.gateway.config;

import io.containeredge.gateway.api.AuditTrail;
import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.gateway.api.ConfigVersion;
import io.containeredge.gateway.api.ControlHealth;
import io.containeredge.gateway.api.ProcessImageService;
import io.containeredge.gateway.api.SiteConfigurations;
import io.containeredge.gateway.internal.ActiveSiteConfiguration;
import io.containeredge.gateway.internal.SiteConfiguration;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.poll.DeviceDiagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers {@link SiteConfigurations} from {@code <data dir>/config/}, seeded from the configured directory
 * or built-in site. It makes the site run a version by writing {@link ActiveSiteConfiguration} through
 * ConfigAdmin: {@code SiteComponent} (and the devices, control and cloud with it) restarts on the new
 * version, while this component, which must judge the version's trial, keeps running. That is also why
 * it follows the process image dynamically: the image restarts with the site.
 */
@Component(service = SiteConfigurations.class, configurationPid = SiteConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = SiteConfiguration.class)
public class SiteConfigurationsComponent implements SiteConfigurations {

    static final String STORE_DIR = "config";
    private static final long CHECK_PERIOD_MS = 1000;
    /** ConfigAdmin does not enforce the metatype's minimum; two keep a rollback target beside the running version. */
    private static final int MIN_VERSIONS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(SiteConfigurationsComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ProcessImageService image;

    /** The control loop restarts with the site, so it is followed dynamically like the image. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ControlHealth controlHealth;

    private final ScheduledExecutorService trials = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "containeredge-config-trial");
        t.setDaemon(true);
        return t;
    });
    private final SiteConfigurationService service;

    @Activate
    public SiteConfigurationsComponent(SiteConfiguration config, @Reference ConfigurationAdmin configAdmin,
            @Reference AuditTrail audit) throws IOException {
        Path dataDir = Path.of(config.data_dir()).toAbsolutePath();
        Path root = dataDir.resolve(STORE_DIR);
        int apiPort = config.api_port();
        service = new SiteConfigurationService(VersionStore.open(root), audit,
                (version, dir) -> activate(configAdmin, version, dir, apiPort, dataDir), this::onlineDevices,
                this::controlHealth,
                new SiteConfigurationService.Clocks(System::currentTimeMillis, () -> System.nanoTime() / 1_000_000),
                new SiteConfigurationService.Settings(Duration.ofSeconds(Math.max(1, config.trial_grace_seconds())),
                        Math.max(MIN_VERSIONS, config.max_versions())));
        service.start(config.config_dir().isEmpty()
                ? () -> BaseConfiguration.builtIn(config.builtin_site(), config.builtin_site_lease_kw())
                : () -> BaseConfiguration.directory(Path.of(config.config_dir()).toAbsolutePath()));
        trials.scheduleWithFixedDelay(this::checkTrial, CHECK_PERIOD_MS, CHECK_PERIOD_MS, TimeUnit.MILLISECONDS);
        LOG.info("configuration versions in {}", root);
    }

    @Override
    public ConfigVersion apply(ConfigDocuments documents, String source) throws ConfigException {
        return service.apply(documents, source);
    }

    @Override
    public List<ConfigError> validate(ConfigDocuments documents) {
        return service.validate(documents);
    }

    @Override
    public ConfigVersion rollback(int version, String source) throws ConfigException {
        return service.rollback(version, source);
    }

    @Override
    public ConfigVersion current() {
        return service.current();
    }

    @Override
    public List<ConfigVersion> history() {
        return service.history();
    }

    @Override
    public ConfigDocuments documents(int version) {
        return service.documents(version);
    }

    @Deactivate
    void deactivate() {
        trials.shutdownNow();
    }

    private void checkTrial() {
        try {
            service.checkTrial();
        } catch (RuntimeException e) {
            // a failed check must not end the periodic checks
            LOG.error("configuration trial check failed", e);
        }
    }

    private ControlHealth.Sample controlHealth() {
        ControlHealth current = controlHealth;
        return current == null ? null : current.sample();
    }

    private Set<String> onlineDevices() {
        ProcessImageService current = image;
        return current == null ? Set.of()
                : current.devices().stream().filter(DeviceDiagnostics::online).map(DeviceDiagnostics::device)
                        .collect(Collectors.toSet());
    }

    /** Unchanged properties are not written again, so a restart on the same version does not restart the site twice. */
    private static void activate(ConfigurationAdmin configAdmin, int version, Path dir, int apiPort, Path dataDir) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("config.version", version);
        props.put("version.dir", dir.toString());
        props.put("api.port", apiPort);
        props.put("data.dir", dataDir.toString());
        try {
            configAdmin.getConfiguration(ActiveSiteConfiguration.PID, "?").updateIfDifferent(props);
        } catch (IOException e) {
            throw new UncheckedIOException("site not switched to configuration version " + version, e);
        }
    }
}
