package io.containeredge.packaging.kura;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.containeredge.packaging.kura.ComponentRuntimeClient.Component;
import io.containeredge.packaging.kura.DeploymentAdminClient.InstalledPackage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Installs the .dp through Felix Deployment Admin into plain Equinox carrying only what Kura provides, the way
 * Kura installs it, and checks that every bundle resolves and starts and that the components then do what they
 * do on a site: wait for their configuration, and come up once it is written through ConfigAdmin.
 */
class DeploymentPackageInstallIT {

    private static final Duration SERVICE_WAIT = Duration.ofSeconds(30);
    private static final Duration COMPONENT_WAIT = Duration.ofSeconds(30);
    private static final String GATEWAY = "io.containeredge.gateway";

    private static DeploymentPackageArchive archive;

    @TempDir
    Path work;

    @BeforeAll
    static void readArchive() throws IOException {
        archive = DeploymentPackageArchive.read();
    }

    @Test
    void everyBundleStartsAndTheComponentsWaitForTheirConfigurationUntilUninstalled() throws Exception {
        try (KuraLikePlatform platform = KuraLikePlatform.start(DeploymentPackageArchive.platformDirectory(),
                work.resolve("osgi"))) {
            InstalledPackage installed = install(platform);
            assertEquals(DeploymentPackageArchive.expectedSymbolicName(), installed.name());
            assertEquals(archive.version(), installed.version());
            assertEquals(archive.listedBundles(), installed.bundleInfos());
            List<Bundle> bundles = bundlesOf(installed);

            ComponentRuntimeClient scr = new ComponentRuntimeClient(platform.service(ComponentRuntimeClient.SERVICE,
                    SERVICE_WAIT));
            Component siteConfigurations = awaitComponent(scr, installed, GATEWAY,
                    ".config.SiteConfigurationsComponent", Component::waitsForConfiguration);
            assertEquals(List.of("io.containeredge.site"), siteConfigurations.configurationPids());
            awaitComponent(scr, installed, GATEWAY, ".audit.AuditTrailComponent", Component::waitsForConfiguration);
            awaitComponent(scr, installed, GATEWAY, ".internal.SiteComponent", Component::waitsForConfiguration);
            awaitComponent(scr, installed, "io.containeredge.cloud", ".internal.CloudComponent",
                    Component::waitsForConfiguration);
            awaitComponent(scr, installed, "io.containeredge.console", ".security.ConsoleSecurity",
                    Component::waitsForConfiguration);
            assertNoComponentFailed(scr, bundles);

            installed.uninstall();
            for (Bundle bundle : bundles) {
                assertEquals(Bundle.UNINSTALLED, bundle.getState(), bundle.getSymbolicName() + " left behind");
            }
            for (Bundle bundle : platform.context().getBundles()) {
                assertFalse(archive.listedBundles().containsKey(bundle.getSymbolicName()),
                        bundle.getSymbolicName() + " still installed");
            }
        }
    }

    /** What the README tells a Kura site to configure is enough to run the gateway and serve its API on loopback. */
    @Test
    void siteConfiguredThroughConfigAdminComesUpAndServesTheApi() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        Path config = Files.createDirectories(work.resolve("config"));
        int apiPort = freeLoopbackPort();
        // the one device polls a loopback port nobody listens on: it stays offline and nothing is ever written
        Files.writeString(config.resolve("site.yaml"), """
                site: kura-test
                container: c1
                connections:
                  - {id: gw, transport: tcp, host: 127.0.0.1, port: %d}
                devices:
                  - {id: cdu, role: cdu, profile: immersion-cdu, connection: gw, unitId: 1}
                limits:
                  coolantSupplyWarningC: 40
                  coolantSupplyTripC: 45
                  coolantSupplyLowC: 20
                  minFlowM3h: 60
                  transformerRatingKva: 2500
                api:
                  bind: 127.0.0.1
                  port: %d
                  tls: off
                """.formatted(freeLoopbackPort(), apiPort));
        try (KuraLikePlatform platform = KuraLikePlatform.start(DeploymentPackageArchive.platformDirectory(),
                work.resolve("osgi"))) {
            InstalledPackage installed = install(platform);
            ConfigurationAdminClient configAdmin = new ConfigurationAdminClient(
                    platform.service(ConfigurationAdminClient.SERVICE, SERVICE_WAIT));
            // in the standalone launcher's order: the console's security is up before the site opens the port
            configAdmin.update("io.containeredge.console", Map.of("data.dir", data.toString()));
            configAdmin.update("io.containeredge.control", Map.of("data.dir", data.toString()));
            configAdmin.update("io.containeredge.site", Map.of("config.dir", config.toString(),
                    "data.dir", data.toString(), "api.port", apiPort));

            ComponentRuntimeClient scr = new ComponentRuntimeClient(platform.service(ComponentRuntimeClient.SERVICE,
                    SERVICE_WAIT));
            for (String component : List.of(".config.SiteConfigurationsComponent", ".audit.AuditTrailComponent",
                    ".internal.SiteComponent", ".internal.DeviceComponent")) {
                awaitComponent(scr, installed, GATEWAY, component, Component::active);
            }
            awaitComponent(scr, installed, "io.containeredge.control", ".internal.ControlComponent", Component::active);
            awaitComponent(scr, installed, "io.containeredge.console", ".security.ConsoleSecurity", Component::active);
            assertNoComponentFailed(scr, bundlesOf(installed));

            // 401 comes from the console's security filter: Jetty, the whiteboard and our servlets are wired
            HttpResponse<String> snapshot = awaitHttp(URI.create("http://127.0.0.1:" + apiPort + "/api/v1/snapshot"));
            assertEquals(401, snapshot.statusCode(), snapshot.body());
            assertTrue(snapshot.body().contains("\"error\""), snapshot.body());
        }
    }

    /**
     * Installs the package and checks that every bundle in it started: Deployment Admin only logs a bundle that
     * does not resolve (a missing dependency) and still reports the installation as successful.
     */
    private static InstalledPackage install(KuraLikePlatform platform) throws InterruptedException, IOException {
        DeploymentAdminClient admin = new DeploymentAdminClient(platform.service(DeploymentAdminClient.SERVICE,
                SERVICE_WAIT));
        InstalledPackage installed = admin.install(DeploymentPackageArchive.file());
        for (Bundle bundle : bundlesOf(installed)) {
            int expected = KuraLikePlatform.isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                fail(bundle.getSymbolicName() + " is not started: " + whyNotStarted(bundle));
            }
        }
        return installed;
    }

    /** The framework's reason, such as the unresolved requirement, from one more attempt to start the bundle. */
    private static String whyNotStarted(Bundle bundle) {
        try {
            bundle.start();
            return "state " + bundle.getState() + " after installation, started on a second attempt";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }

    private static List<Bundle> bundlesOf(InstalledPackage installed) {
        List<Bundle> bundles = new ArrayList<>();
        for (String symbolicName : installed.bundleInfos().keySet()) {
            Bundle bundle = installed.bundle(symbolicName);
            assertNotNull(bundle, symbolicName + " is not installed");
            bundles.add(bundle);
        }
        return bundles;
    }

    private static void assertNoComponentFailed(ComponentRuntimeClient scr, List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            scr.components(bundle).values().forEach(c -> assertFalse(c.failed(), c + " failed to activate"));
        }
    }

    /**
     * The component {@code bundle + suffix} once {@code condition} holds for it. SCR activates components on its
     * own threads, so this polls, within a bound.
     */
    private static Component awaitComponent(ComponentRuntimeClient scr, InstalledPackage installed, String bundle,
            String suffix, Predicate<Component> condition) throws InterruptedException {
        String name = bundle + suffix;
        Instant deadline = Instant.now().plus(COMPONENT_WAIT);
        while (true) {
            Map<String, Component> components = scr.components(installed.bundle(bundle));
            Component component = components.get(name);
            if (component != null && condition.test(component)) {
                return component;
            }
            if (Instant.now().isAfter(deadline)) {
                fail(name + " after " + COMPONENT_WAIT + ": " + (component == null
                        ? "unknown to SCR; the bundle declares " + components.keySet() : component));
            }
            Thread.sleep(100);
        }
    }

    /** Jetty binds once the site component has written its configuration; until then the port refuses. */
    private static HttpResponse<String> awaitHttp(URI uri) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(COMPONENT_WAIT);
        while (true) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    fail(uri + " did not answer within " + COMPONENT_WAIT + ": " + e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
