package io.containeredge.launcher;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the OSGi framework when the JVM is asked to exit (SIGTERM from systemd, Ctrl-C), so every
 * component deactivates: pollers close their connections, the demo simulator stops. The bnd
 * launcher's own shutdown hook only deletes its temporary directory.
 */
@Component(immediate = true)
public class StopOnSignal {

    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);
    private static final long STOP_TIMEOUT_MS = 10_000;

    private final Thread hook;
    private final boolean registered;
    private volatile boolean stopping;

    @Activate
    public StopOnSignal(BundleContext context) {
        Framework framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        hook = new Thread(() -> {
            stopping = true;
            LOG.info("exit requested: stopping the gateway");
            try {
                framework.stop();
                framework.waitForStop(STOP_TIMEOUT_MS);
            } catch (BundleException e) {
                LOG.warn("framework did not stop cleanly", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "containeredge-stop");
        registered = register(hook);
    }

    /**
     * False when the JVM is exiting already ({@code --check} exits as soon as it has printed, which can be
     * before this component is activated): nothing was started then, so there is nothing to stop cleanly.
     */
    private static boolean register(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shutdownInProgress) {
            return false;
        }
    }

    @Deactivate
    void deactivate() {
        if (registered && !stopping) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }
}
