package io.containeredge.gateway.config;

import io.containeredge.gateway.api.AuditTrail;
import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.gateway.api.ConfigVersion;
import io.containeredge.gateway.api.ConfigVersion.State;
import io.containeredge.gateway.api.ControlHealth;
import io.containeredge.gateway.api.SiteConfigurations;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned site configuration: validates candidates, stores them as versions, makes the site run the
 * active one, keeps a version on trial until its grace period has passed and rolls it back automatically
 * when it took devices offline or the control loop that ran before does not run properly under it. Every
 * change, refusal and rollback goes to the audit trail. Free of OSGi:
 * the component gives it the way to restart the site ({@link SiteActivator}), the online devices and the
 * clocks, so its scenarios run on a virtual clock.
 */
final class SiteConfigurationService implements SiteConfigurations {

    static final String FILE_SOURCE = "file";
    static final String AUTO_ROLLBACK_SOURCE = "auto-rollback";
    private static final int ERRORS_IN_AUDIT = 3;
    private static final Logger LOG = LoggerFactory.getLogger(SiteConfigurationService.class);

    /** Makes the site run a stored version; returns once the restart is under way. */
    @FunctionalInterface
    interface SiteActivator {
        void run(int version, Path directory);
    }

    /** @param grace how long devices get to come back after a version is applied (or the gateway restarts) */
    record Settings(Duration grace, int maxVersions) {
    }

    /**
     * @param wallMillis    epoch time, for when a version was applied
     * @param elapsedMillis a monotonic clock for the grace period: a gateway without a battery-backed clock
     *                      jumps its wall time when NTP syncs after boot, which must not end a trial early
     */
    record Clocks(LongSupplier wallMillis, LongSupplier elapsedMillis) {
    }

    /** What changes a version, and how the audit trail names it. */
    private enum Change {
        FILE("config.apply", false),
        APPLY("config.apply", true),
        ROLLBACK("config.rollback", true),
        AUTO_ROLLBACK("config.auto-rollback", false);

        final String action;
        final boolean onTrial;

        Change(String action, boolean onTrial) {
            this.action = action;
            this.onTrial = onTrial;
        }
    }

    private record Installed(StoredVersion version, SiteConfig site, Optional<StoredVersion> previous) {
    }

    /** @param loopBefore whether the control loop ran when the version was applied */
    private record Trial(int version, Set<String> onlineBefore, Set<String> enabled, boolean loopBefore,
            long sinceMillis) {
    }

    private final VersionStore store;
    private final CandidateValidator validator;
    private final AuditTrail audit;
    private final SiteActivator activator;
    private final Supplier<Set<String>> onlineDevices;
    private final Supplier<ControlHealth.Sample> controlHealth;
    private final Clocks clocks;
    private final Settings settings;
    private SiteIdentity identity;
    private Trial trial;

    /** @param controlHealth the control loop's health now, or null while no loop is registered */
    SiteConfigurationService(VersionStore store, AuditTrail audit, SiteActivator activator,
            Supplier<Set<String>> onlineDevices, Supplier<ControlHealth.Sample> controlHealth, Clocks clocks,
            Settings settings) {
        this.store = store;
        this.validator = new CandidateValidator(store.scratchParent());
        this.audit = audit;
        this.activator = activator;
        this.onlineDevices = onlineDevices;
        this.controlHealth = controlHealth;
        this.clocks = clocks;
        this.settings = settings;
    }

    /**
     * At start-up: the base becomes a new version when it differs from the one the last {@code file} version
     * was made from (a technician's edit wins), else the store's active version runs (a remote change
     * survives the restart). A version that was on trial continues its trial, counted from now so devices
     * have time to reconnect. The site is started once.
     */
    synchronized void start(BaseConfiguration.Source base) {
        abandonInterruptedTrials();
        seed(base);
        Optional<StoredVersion> active = store.active();
        if (active.isEmpty()) {
            LOG.error("no valid site configuration: no device started");
            return;
        }
        StoredVersion version = active.get();
        SiteConfig site = loadStored(version.version());
        LOG.info("site configuration version {} from {} ({})", version.version(), version.source(), version.state());
        run(version, site);
    }

    @Override
    public synchronized ConfigVersion apply(ConfigDocuments documents, String source) throws ConfigException {
        return change(documents, sourceOf(source), Change.APPLY, "", "site");
    }

    @Override
    public synchronized List<ConfigError> validate(ConfigDocuments documents) {
        try {
            validator.validate(documents, identity, UnaryOperator.identity());
            return List.of();
        } catch (ConfigException e) {
            return e.errors();
        }
    }

    @Override
    public synchronized ConfigVersion rollback(int version, String source) throws ConfigException {
        String who = sourceOf(source);
        ConfigDocuments documents;
        try {
            documents = storedDocuments(version);
        } catch (ConfigException e) {
            record(who, Change.ROLLBACK, "v" + version, "rejected", summary(e));
            throw e;
        }
        return change(documents, who, Change.ROLLBACK, "copy of version " + version, "v" + version);
    }

    @Override
    public synchronized ConfigVersion current() {
        return store.active().map(StoredVersion::toConfigVersion).orElseThrow(
                () -> new IllegalStateException("no configuration version: the configured site was refused"));
    }

    @Override
    public synchronized List<ConfigVersion> history() {
        return store.newestFirst().stream().map(StoredVersion::toConfigVersion).toList();
    }

    @Override
    public synchronized ConfigDocuments documents(int version) {
        if (store.get(version).isEmpty()) {
            throw new IllegalArgumentException("no configuration version " + version);
        }
        try {
            return store.documents(version);
        } catch (IOException e) {
            throw new UncheckedIOException("configuration version " + version + " not readable", e);
        }
    }

    /** Called periodically: decides the trial of the active version once its grace period has passed. */
    synchronized void checkTrial() {
        if (trial == null) {
            return;
        }
        TrialVerdict verdict = TrialVerdict.judge(
                new TrialVerdict.Devices(trial.onlineBefore(), trial.enabled(), onlineDevices.get()), trial.loopBefore(),
                controlHealth.get(), settings.grace(),
                Duration.ofMillis(clocks.elapsedMillis().getAsLong() - trial.sinceMillis()));
        switch (verdict.outcome()) {
            case PENDING -> {
            }
            case GOOD -> passTrial();
            case ROLL_BACK -> rollBackAutomatically(verdict.reason(settings.grace()));
        }
    }

    private ConfigVersion change(ConfigDocuments documents, String source, Change change, String detail, String target)
            throws ConfigException {
        try {
            Installed installed = install(documents, source, change, detail, UnaryOperator.identity());
            int n = installed.version().version();
            endTrial(installed.previous(), State.SUPERSEDED, "replaced during its trial by version " + n);
            run(installed.version(), installed.site());
            record(source, change, "v" + n, "applied", describe(installed.version()));
            LOG.info("site configuration version {} applied from {}, on trial for {} s", n, source,
                    settings.grace().toSeconds());
            return installed.version().toConfigVersion();
        } catch (ConfigException e) {
            LOG.warn("site configuration from {} refused: {}", source, e.getMessage());
            record(source, change, target, "rejected", summary(e));
            throw e;
        }
    }

    private void seed(BaseConfiguration.Source source) {
        try {
            BaseConfiguration base = source.read();
            if (ConfigDigest.sha256(base.documents()).equals(store.lastFileSha256())) {
                return;
            }
            Installed installed = install(base.documents(), FILE_SOURCE, Change.FILE, "", base::displayName);
            int n = installed.version().version();
            endTrial(installed.previous(), State.SUPERSEDED, "replaced during its trial by the configuration file");
            supersedeGoodExcept(n);
            record(FILE_SOURCE, Change.FILE, "v" + n, "applied", describe(installed.version()));
            LOG.info("site configuration file taken as version {}", n);
        } catch (ConfigException e) {
            LOG.error("site configuration refused, {}: {}", store.active()
                    .map(v -> "still running version " + v.version()).orElse("no device started"), e.getMessage());
            record(FILE_SOURCE, Change.FILE, "site", "rejected", summary(e));
        }
    }

    /**
     * Validates and stores a version and makes it the active one on disk; the caller then settles the
     * states of the others and restarts the site on it.
     */
    private Installed install(ConfigDocuments documents, String source, Change change, String detail,
            UnaryOperator<String> displayName) throws ConfigException {
        SiteConfig site = validator.validate(documents, change == Change.FILE ? null : identity, displayName);
        String sha = ConfigDigest.sha256(documents);
        Optional<StoredVersion> previous = store.active();
        List<String> onlineBefore = change.onTrial ? onlineDevices.get().stream().sorted().toList() : List.of();
        StoredVersion version = new StoredVersion(store.nextNumber(), clocks.wallMillis().getAsLong(), source,
                change.onTrial ? State.ON_TRIAL : State.GOOD, detail, sha, onlineBefore);
        try {
            store.add(documents, version);
            store.activate(version.version(), change == Change.FILE ? sha : store.lastFileSha256());
        } catch (IOException e) {
            throw ConfigException.single(store.scratchParent().toString(), "$", "cannot store the version: " + e);
        }
        return new Installed(version, site, previous);
    }

    /** Restarts the site on a version and starts its trial if it is on one. */
    private void run(StoredVersion version, SiteConfig site) {
        // asked before the restart: the loop of the version being replaced (none yet at start-up)
        ControlHealth.Sample loop = controlHealth.get();
        activator.run(version.version(), store.directory(version.version()));
        identity = site == null ? identity : SiteIdentity.of(site);
        trial = version.state() != State.ON_TRIAL ? null : new Trial(version.version(),
                Set.copyOf(version.onlineBefore()), enabledDevices(site), loop != null && loop.cycles() > 0,
                clocks.elapsedMillis().getAsLong());
        prune();
    }

    private void passTrial() {
        int n = trial.version();
        trial = null;
        store.get(n).ifPresent(v -> update(v.withState(State.GOOD, "every device online before is online again")));
        supersedeGoodExcept(n);
        LOG.info("site configuration version {} passed its trial", n);
    }

    private void rollBackAutomatically(String why) {
        int tried = trial.version();
        trial = null;
        Optional<StoredVersion> good = store.lastGood();
        if (good.isEmpty()) {
            LOG.error("site configuration version {} failed its trial ({}) but no GOOD version is left", tried, why);
            record(AUTO_ROLLBACK_SOURCE, Change.AUTO_ROLLBACK, "v" + tried, "failed", why + "; no GOOD version");
            return;
        }
        int target = good.get().version();
        try {
            Installed installed = install(storedDocuments(target), AUTO_ROLLBACK_SOURCE, Change.AUTO_ROLLBACK,
                    "copy of version " + target + " after version " + tried + " failed its trial",
                    UnaryOperator.identity());
            int n = installed.version().version();
            endTrial(installed.previous(), State.ROLLED_BACK, why);
            supersedeGoodExcept(n);
            run(installed.version(), installed.site());
            LOG.warn("site configuration version {} rolled back to version {} (as version {}): {}", tried, target, n, why);
            record(AUTO_ROLLBACK_SOURCE, Change.AUTO_ROLLBACK, "v" + tried, "applied",
                    "rolled back to version " + target + " as version " + n + "; " + why);
        } catch (ConfigException e) {
            LOG.error("automatic rollback of version {} refused, it keeps running: {}", tried, e.getMessage());
            record(AUTO_ROLLBACK_SOURCE, Change.AUTO_ROLLBACK, "v" + tried, "rejected", summary(e));
        }
    }

    /** Versions left ON_TRIAL but not active were being replaced when the gateway stopped. */
    private void abandonInterruptedTrials() {
        int active = store.active().map(StoredVersion::version).orElse(0);
        store.newestFirst().stream()
                .filter(v -> v.state() == State.ON_TRIAL && v.version() != active)
                .forEach(v -> update(v.withState(State.SUPERSEDED,
                        "interrupted: the gateway stopped while switching versions")));
    }

    private void endTrial(Optional<StoredVersion> version, State state, String detail) {
        version.filter(v -> v.state() == State.ON_TRIAL).ifPresent(v -> update(v.withState(state, detail)));
    }

    /** One GOOD version at a time: the newest, where an automatic rollback would go. */
    private void supersedeGoodExcept(int version) {
        store.newestFirst().stream()
                .filter(v -> v.state() == State.GOOD && v.version() != version)
                .forEach(v -> update(v.withState(State.SUPERSEDED, "replaced by version " + version)));
    }

    private void update(StoredVersion version) {
        try {
            store.update(version);
        } catch (IOException e) {
            // the state on disk stays as it was; the next start settles interrupted trials again
            LOG.warn("state of configuration version {} not stored: {}", version.version(), e.toString());
        }
    }

    private void prune() {
        int active = store.active().map(StoredVersion::version).orElse(0);
        for (int n : VersionPruning.toPrune(store.newestFirst(), active, settings.maxVersions())) {
            try {
                store.delete(n);
            } catch (IOException e) {
                LOG.warn("configuration version {} not pruned: {}", n, e.toString());
            }
        }
    }

    /** {@link #documents} for a rollback, which refuses what it cannot find with a configuration error. */
    private ConfigDocuments storedDocuments(int version) throws ConfigException {
        try {
            return documents(version);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw ConfigException.single("history", "$.version", e.getMessage());
        }
    }

    private SiteConfig loadStored(int version) {
        try {
            return SiteDocuments.load(store.directory(version)).config();
        } catch (ConfigException e) {
            LOG.error("stored configuration version {} no longer loads: {}", version, e.getMessage());
            return null;
        }
    }

    private static Set<String> enabledDevices(SiteConfig site) {
        return site == null ? Set.of()
                : site.devices().stream().filter(DeviceConfig::enabled).map(DeviceConfig::id).collect(Collectors.toSet());
    }

    private void record(String source, Change change, String target, String outcome, String detail) {
        try {
            audit.record(source, originOf(source), change.action, target, outcome, detail);
        } catch (RuntimeException e) {
            // a full or failing disk must not stop a configuration change, least of all a rollback
            LOG.error("audit record lost ({} {} {} {}): {}", source, change.action, target, outcome, e.toString());
        }
    }

    private static String describe(StoredVersion v) {
        return "version " + v.version() + " from " + v.source() + ", sha256 " + v.sha256().substring(0, 12)
                + (v.detail().isEmpty() ? "" : ", " + v.detail());
    }

    private static String summary(ConfigException e) {
        List<ConfigError> errors = e.errors();
        String first = errors.stream().limit(ERRORS_IN_AUDIT).map(ConfigError::toString).collect(Collectors.joining("; "));
        return errors.size() > ERRORS_IN_AUDIT ? first + "; and " + (errors.size() - ERRORS_IN_AUDIT) + " more" : first;
    }

    private static String sourceOf(String source) {
        return source == null || source.isBlank() ? "unknown" : source;
    }

    /** {@code mqtt:ops-centre} comes from {@code mqtt}; the gateway's own rollbacks from {@code system}. */
    private static String originOf(String source) {
        if (source.equals(AUTO_ROLLBACK_SOURCE)) {
            return "system";
        }
        int colon = source.indexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }
}
