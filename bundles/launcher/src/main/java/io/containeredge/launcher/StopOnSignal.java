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
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        if (!stopping) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }
}
