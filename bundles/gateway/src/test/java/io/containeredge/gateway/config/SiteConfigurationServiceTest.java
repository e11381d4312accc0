package io.containeredge.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.gateway.api.AuditRecord;
import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.gateway.api.ConfigVersion;
import io.containeredge.gateway.api.ConfigVersion.State;
import io.containeredge.gateway.api.ControlHealth;
import io.containeredge.gateway.audit.AuditJournal;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.SiteDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios of the versioned configuration on a virtual clock, with the real store and audit trail on disk. */
class SiteConfigurationServiceTest {

    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final Set<String> ALL_ONLINE = Set.of("cdu", "meter");

    @TempDir
    Path work;

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private volatile Set<String> online = ALL_ONLINE;
    /** The control loop as the service sees it: none until a test starts one. */
    private volatile ControlHealth.Sample loop;
    private final List<Integer> activations = new ArrayList<>();
    private AuditJournal audit;
    private Path configDir;
    private int maxVersions = 50;

    @BeforeEach
    void setUp() throws IOException {
        configDir = Files.createDirectories(work.resolve("etc"));
        writeBase(Sites.site("s", "c", 40, 45));
        audit = AuditJournal.open(work.resolve("data/audit.jsonl"), clock::get);
    }

    @AfterEach
    void tearDown() throws IOException {
        audit.close();
    }

    private void writeBase(String site) throws IOException {
        Files.writeString(configDir.resolve("site.yaml"), site);
    }

    private Path storeRoot() {
        return work.resolve("data/config");
    }

    /** A gateway start: a fresh service on the same data directory, started from the configuration directory. */
    private SiteConfigurationService start() throws IOException {
        return start(clock);
    }

    private SiteConfigurationService start(AtomicLong wallClock) throws IOException {
        activations.clear();
        SiteConfigurationService service = newService(wallClock);
        service.start(() -> BaseConfiguration.directory(configDir));
        return service;
    }

    private SiteConfigurationService newService(AtomicLong wallClock) throws IOException {
        return new SiteConfigurationService(VersionStore.open(storeRoot()), audit,
                (version, dir) -> activations.add(version), () -> online, () -> loop,
                new SiteConfigurationService.Clocks(wallClock::get, clock::get),
                new SiteConfigurationService.Settings(GRACE, maxVersions));
    }

    private void advance(Duration d) {
        clock.addAndGet(d.toMillis());
    }

    private static List<String> states(SiteConfigurationService service) {
        return service.history().stream().map(v -> v.version() + ":" + v.state()).toList();
    }

    private AuditRecord lastAudit() {
        return audit.recent(1).get(0);
    }

    @Test
    void firstStartSeedsVersionOneFromTheFileAndStartsTheSiteOnce() throws IOException {
        SiteConfigurationService service = start();
        ConfigVersion v1 = service.current();
        assertEquals(1, v1.version());
        assertEquals("file", v1.source());
        assertEquals(State.GOOD, v1.state());
        assertEquals(clock.get(), v1.appliedMillis());
        assertEquals(List.of(1), activations);
        assertEquals(Files.readString(configDir.resolve("site.yaml")), service.documents(1).site());
        AuditRecord r = lastAudit();
        assertEquals(List.of("file", "file", "config.apply", "v1", "applied"),
                List.of(r.actor(), r.origin(), r.action(), r.target(), r.outcome()));
        assertTrue(Files.isRegularFile(storeRoot().resolve("v1/version.json")));
    }

    @Test
    void unchangedFileAtRestartRunsTheStoredVersionSoARemoteChangeSurvives() throws Exception {
        SiteConfigurationService service = start();
        service.apply(Sites.validWithWarning(41), "mqtt:ops");
        advance(GRACE);
        service.checkTrial();
        assertEquals(List.of("2:GOOD", "1:SUPERSEDED"), states(service));

        SiteConfigurationService restarted = start();
        assertEquals(List.of(2), activations, "the site starts once, on the stored version");
        assertEquals(List.of("2:GOOD", "1:SUPERSEDED"), states(restarted));
        assertEquals("mqtt:ops", restarted.current().source());
    }

    @Test
    void fileEditedOnDiskWinsAtTheNextStart() throws Exception {
        SiteConfigurationService service = start();
        service.apply(Sites.validWithWarning(41), "mqtt:ops");
        writeBase(Sites.site("s", "c", 39, 45));

        SiteConfigurationService restarted = start();
        assertEquals(List.of("3:GOOD", "2:SUPERSEDED", "1:SUPERSEDED"), states(restarted));
        assertEquals("file", restarted.current().source());
        assertTrue(restarted.documents(3).site().contains("coolantSupplyWarningC: 39"));
        assertEquals(List.of(3), activations);
        assertEquals(List.of(3), List.of(start().current().version()), "taken once: unchanged at the next start");
    }

    @Test
    void theFileMayChangeTheSiteIdentityButARemoteChangeMayNot() throws Exception {
        SiteConfigurationService service = start();
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> service.apply(
                new ConfigDocuments(Sites.site("s", "c-2", 40, 45), Map.of()), "mqtt:ops")).errors();
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.container")), errors::toString);
        writeBase(Sites.site("s", "c-2", 40, 45));
        assertEquals(2, start().current().version(), "a technician re-commissions the gateway on site");
    }

    @Test
    void invalidFileAtFirstStartStoresNothingAndStartsNothing() throws IOException {
        writeBase(Sites.site("s", "c", 46, 45));
        SiteConfigurationService service = start();
        assertEquals(List.of(), service.history());
        assertEquals(List.of(), activations);
        assertThrows(IllegalStateException.class, service::current);
        AuditRecord r = lastAudit();
        assertEquals("rejected", r.outcome());
        assertTrue(r.detail().contains(configDir.resolve("site.yaml") + ": $.limits.coolantSupplyTripC"), r.detail());
    }

    @Test
    void invalidFileEditKeepsTheStoredVersionRunning() throws IOException {
        start();
        writeBase("site: s\ncontainer: [");
        SiteConfigurationService restarted = start();
        assertEquals(List.of(1), activations);
        assertEquals(List.of("1:GOOD"), states(restarted));
        assertEquals("rejected", lastAudit().outcome());
    }

    @Test
    void validateReportsWhatApplyWouldRefuseAndChangesNothing() throws Exception {
        SiteConfigurationService service = start();
        Map<String, String> before = Sites.tree(storeRoot());
        int auditRecords = audit.recent(100).size();

        List<ConfigError> errors = service.validate(new ConfigDocuments(Sites.site("s", "c", 46, 45), Map.of()));
        assertTrue(errors.stream().anyMatch(e -> e.file().equals("site.yaml")
                && e.path().equals("$.limits.coolantSupplyTripC")), errors::toString);
        List<ConfigError> renamed = service.validate(new ConfigDocuments(Sites.site("s", "c-2", 40, 45), Map.of()));
        assertTrue(renamed.stream().anyMatch(e -> e.path().equals("$.container")), "the site identity rule too: " + renamed);
        assertEquals(List.of(), service.validate(Sites.validWithWarning(41)));

        assertEquals(before, Sites.tree(storeRoot()), "nothing stored");
        assertEquals(List.of(1), activations, "nothing applied");
        assertEquals(auditRecords, audit.recent(100).size(), "a check is not a change: no audit record");
    }

    @Test
    void aRefusedChangeLeavesEverythingAsItWas() throws Exception {
        SiteConfigurationService service = start();
        Map<String, String> before = Sites.tree(storeRoot());
        List<ConfigError> errors = assertThrows(ConfigException.class,
                () -> service.apply(new ConfigDocuments(Sites.site("s", "c", 46, 45), Map.of()), "mqtt:ops")).errors();
        assertTrue(errors.stream().anyMatch(e -> e.file().equals("site.yaml")
                && e.path().equals("$.limits.coolantSupplyTripC")), errors::toString);
        assertEquals(before, Sites.tree(storeRoot()));
        assertEquals(List.of(1), activations);
        assertEquals(1, service.current().version());
        AuditRecord r = lastAudit();
        assertEquals(List.of("mqtt:ops", "mqtt", "config.apply", "rejected"),
                List.of(r.actor(), r.origin(), r.action(), r.outcome()));
        assertTrue(r.detail().contains("$.limits.coolantSupplyTripC"), r.detail());
    }

    @Test
    void appliedVersionPassesItsTrialWhenTheDevicesAreBackAfterTheGracePeriod() throws Exception {
        SiteConfigurationService service = start();
        ConfigVersion v2 = service.apply(Sites.validWithWarning(41), "console:alice");
        assertEquals(State.ON_TRIAL, v2.state());
        assertEquals(List.of(1, 2), activations);
        assertTrue(Files.readString(storeRoot().resolve("v2/version.json")).contains("\"onlineBefore\":[\"cdu\",\"meter\"]"));

        online = Set.of();
        advance(Duration.ofSeconds(30));
        service.checkTrial();
        assertEquals(List.of("2:ON_TRIAL", "1:GOOD"), states(service), "devices reconnecting: not judged yet");

        online = ALL_ONLINE;
        advance(Duration.ofSeconds(30));
        service.checkTrial();
        assertEquals(List.of("2:GOOD", "1:SUPERSEDED"), states(service));
        assertEquals(List.of(1, 2), activations);
    }

    @Test
    void versionThatTakesADeviceOfflineIsRolledBackToTheLastGoodOne() throws Exception {
        SiteConfigurationService service = start();
        ConfigDocuments wrongUnit = new ConfigDocuments(Sites.valid().site().replace("unitId: 4", "unitId: 5"), Map.of());
        service.apply(wrongUnit, "mqtt:ops");
        online = Set.of("cdu");
        advance(GRACE);
        service.checkTrial();

        List<ConfigVersion> history = service.history();
        assertEquals(List.of("3:GOOD", "2:ROLLED_BACK", "1:SUPERSEDED"), states(service));
        assertEquals("auto-rollback", history.get(0).source());
        assertTrue(history.get(1).detail().contains("meter"), history.get(1).detail());
        assertEquals(service.documents(1), service.documents(3));
        assertEquals(history.get(2).sha256(), history.get(0).sha256());
        assertEquals(List.of(1, 2, 3), activations);
        AuditRecord r = lastAudit();
        assertEquals(List.of("auto-rollback", "system", "config.auto-rollback", "v2", "applied"),
                List.of(r.actor(), r.origin(), r.action(), r.target(), r.outcome()));
        assertTrue(r.detail().contains("meter") && r.detail().contains("version 1"), r.detail());

        online = Set.of();
        advance(GRACE.multipliedBy(2));
        service.checkTrial();
        assertEquals(3, service.history().size(), "the rollback is GOOD at once: no trial, no second rollback");
    }

    @Test
    void aVersionUnderWhichTheControlLoopStopsCyclingIsRolledBackThoughEveryDeviceIsOnline() throws Exception {
        SiteConfigurationService service = start();
        loop = new ControlHealth.Sample(4000, 40, 0, 100);
        service.apply(Sites.validWithWarning(41), "mqtt:ops");
        loop = new ControlHealth.Sample(0, 0, 0, GRACE.toMillis()); // the restarted loop never completes a cycle
        advance(GRACE);
        service.checkTrial();

        assertEquals(List.of("3:GOOD", "2:ROLLED_BACK", "1:SUPERSEDED"), states(service));
        assertTrue(service.history().get(1).detail().contains("the control loop completed no cycle"),
                service.history().get(1).detail());
        assertTrue(lastAudit().detail().contains("completed no cycle"), lastAudit().detail());
    }

    @Test
    void aVersionUnderWhichTheLoopCyclesWithoutOverrunsPassesItsTrial() throws Exception {
        SiteConfigurationService service = start();
        loop = new ControlHealth.Sample(4000, 40, 0, 100);
        service.apply(Sites.validWithWarning(41), "mqtt:ops");
        loop = new ControlHealth.Sample(240, 40, 2, 200);
        advance(GRACE);
        service.checkTrial();
        assertEquals(List.of("2:GOOD", "1:SUPERSEDED"), states(service));
    }

    @Test
    void aTrialContinuesAfterARestartWithTheGraceCountedFromTheRestart() throws Exception {
        start().apply(Sites.validWithWarning(41), "mqtt:ops");
        advance(Duration.ofSeconds(50));

        SiteConfigurationService restarted = start();
        assertEquals(List.of(2), activations);
        online = Set.of("cdu");
        advance(Duration.ofSeconds(59));
        restarted.checkTrial();
        assertEquals(List.of("2:ON_TRIAL", "1:GOOD"), states(restarted), "109 s after the change, 59 s after the restart");

        advance(Duration.ofSeconds(1));
        restarted.checkTrial();
        assertEquals(List.of("3:GOOD", "2:ROLLED_BACK", "1:SUPERSEDED"), states(restarted));
    }

    @Test
    void aJumpOfTheWallClockDoesNotEndATrialEarly() throws Exception {
        AtomicLong wall = new AtomicLong(0);
        SiteConfigurationService service = start(wall);
        service.apply(Sites.validWithWarning(41), "mqtt:ops");
        online = Set.of();
        wall.addAndGet(Duration.ofDays(400).toMillis());
        advance(Duration.ofSeconds(1));
        service.checkTrial();
        assertEquals(List.of("2:ON_TRIAL", "1:GOOD"), states(service), "NTP set the clock after boot; 1 s has passed");
    }

    @Test
    void applyingDuringATrialSupersedesTheTriedVersionAndKeepsTheLastGood() throws Exception {
        SiteConfigurationService service = start();
        service.apply(Sites.validWithWarning(41), "mqtt:ops");
        service.apply(Sites.validWithWarning(42), "mqtt:ops");
        assertEquals(List.of("3:ON_TRIAL", "2:SUPERSEDED", "1:GOOD"), states(service));
        online = Set.of();
        advance(GRACE);
        service.checkTrial();
        assertEquals(service.documents(1), service.documents(4), "back to the last GOOD version, not the superseded one");
    }

    @Test
    void manualRollbackAppliesAnEarlierVersionAgainAsANewVersion() throws Exception {
        SiteConfigurationService service = start();
        service.apply(Sites.validWithWarning(41), "mqtt:ops");
        advance(GRACE);
        service.checkTrial();

        ConfigVersion v3 = service.rollback(1, "console:alice");
        assertEquals(3, v3.version());
        assertEquals("console:alice", v3.source());
        assertEquals(State.ON_TRIAL, v3.state());
        assertEquals(service.documents(1), service.documents(3));
        assertEquals(List.of(1, 2, 3), activations);
        AuditRecord r = lastAudit();
        assertEquals(List.of("console:alice", "console", "config.rollback", "v3", "applied"),
                List.of(r.actor(), r.origin(), r.action(), r.target(), r.outcome()));

        List<ConfigError> errors = assertThrows(ConfigException.class, () -> service.rollback(99, "console:alice")).errors();
        assertEquals("$.version", errors.get(0).path());
        assertEquals(List.of("config.rollback", "v99", "rejected"),
                List.of(lastAudit().action(), lastAudit().target(), lastAudit().outcome()));
        assertThrows(IllegalArgumentException.class, () -> service.documents(99));
    }

    @Test
    void oldVersionsArePrunedButNumbersAreNeverReused() throws Exception {
        maxVersions = 3;
        SiteConfigurationService service = start();
        for (int warning = 30; warning < 36; warning++) {
            service.apply(Sites.validWithWarning(warning), "mqtt:ops");
        }
        assertEquals(List.of("7:ON_TRIAL", "6:SUPERSEDED", "1:GOOD"), states(service));
        assertEquals(8, service.apply(Sites.validWithWarning(39), "mqtt:ops").version());
        assertEquals(List.of("8:ON_TRIAL", "7:SUPERSEDED", "1:GOOD"), states(start()));
    }

    @Test
    void theDemoSeedsFromTheBuiltInSite() throws Exception {
        SiteConfigurationService service = newService(clock);
        service.start(() -> BaseConfiguration.builtIn("demo-container"));
        assertEquals(SiteDocuments.builtInText("demo-container"), service.documents(1).site());
        assertEquals(Map.of(), service.documents(1).profiles());
        assertEquals(List.of(1), activations);
    }
}
