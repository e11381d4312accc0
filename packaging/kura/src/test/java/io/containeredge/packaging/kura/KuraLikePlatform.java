package io.containeredge.packaging.kura;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Plain Equinox with what an Eclipse Kura install provides to the package (SCR, ConfigAdmin, Metatype,
 * EventAdmin, an HTTP whiteboard, SLF4J) plus Felix Deployment Admin: the bundles maven-dependency-plugin copied
 * into {@code target/platform}. Nothing of ContainerEdge is installed here; that is the package's job.
 */
final class KuraLikePlatform implements AutoCloseable {

    /**
     * SPI Fly registers slf4j-simple as SLF4J's provider only once both are started; a LoggerFactory call before
     * that binds SLF4J to its no-op logger for good, so they start before everything else.
     */
    private static final List<String> START_FIRST = List.of("slf4j.api", "slf4j.simple");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Framework framework;

    private KuraLikePlatform(Framework framework) {
        this.framework = framework;
    }

    static KuraLikePlatform start(Path platformBundles, Path storage) throws BundleException, IOException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Jetty opens no port until configuration PID org.apache.felix.http exists (written by the site component)
        config.put("org.apache.felix.http.require.config", "true");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the test class path"));
        Framework framework = factory.newFramework(config);
        framework.init();
        KuraLikePlatform platform = new KuraLikePlatform(framework);
        try {
            List<Bundle> bundles = platform.installAll(platformBundles);
            framework.start();
            for (Bundle bundle : bundles) {
                if (!isFragment(bundle)) {
                    bundle.start();
                }
            }
        } catch (BundleException | IOException | RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /**
     * The service registered under {@code className}, waiting for it at most {@code timeout}. The test holds it
     * until the framework stops: some services (ConfigAdmin) dispose of the object when it is released.
     */
    Object service(String className, Duration timeout) throws InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context(), className, null);
        tracker.open();
        try {
            if (tracker.waitForService(timeout.toMillis()) == null) {
                throw new AssertionError("no " + className + " service within " + timeout);
            }
            return context().getService(tracker.getServiceReference());
        } finally {
            tracker.close();
        }
    }

    static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private List<Bundle> installAll(Path directory) throws IOException, BundleException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no platform bundles in " + directory);
        }
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            bundles.add(context().installBundle(jar.toUri().toString()));
        }
        bundles.sort(Comparator.comparingInt(KuraLikePlatform::startOrder));
        return bundles;
    }

    private static int startOrder(Bundle bundle) {
        int index = START_FIRST.indexOf(bundle.getSymbolicName());
        return index < 0 ? START_FIRST.size() : index;
    }

    /** Stops the framework and waits for it, so no bundle thread outlives the test. */
    @Override
    public void close() {
        try {
            framework.stop();
            FrameworkEvent stopped = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                throw new AssertionError("Equinox did not stop within " + STOP_TIMEOUT);
            }
        } catch (BundleException e) {
            throw new AssertionError("Equinox did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while Equinox stopped", e);
        }
    }
}
