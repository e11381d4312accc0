package io.containeredge.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Felix SCR, ConfigAdmin and Metatype report problems (a component that failed to activate, a bad
 * configuration) to the OSGi log, which plain Equinox does not print. Warnings and errors are
 * forwarded to the gateway's log so a technician sees them.
 */
@Component(immediate = true)
public class OsgiLogForwarder implements LogListener {

    private static final Logger LOG = LoggerFactory.getLogger("osgi");

    private final LogReaderService reader;

    @Activate
    public OsgiLogForwarder(@Reference LogReaderService reader) {
        this.reader = reader;
        List<LogEntry> earlier = new ArrayList<>(Collections.list(reader.getLog()));
        Collections.reverse(earlier);
        earlier.forEach(this::logged);
        reader.addLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (level == LogLevel.ERROR || level == LogLevel.WARN) {
            String source = entry.getBundle() == null ? "?" : entry.getBundle().getSymbolicName();
            Throwable root = rootCause(entry.getException());
            boolean bug = level == LogLevel.ERROR && (root instanceof RuntimeException || root instanceof Error);
            if (root == null || bug) {
                LOG.warn("[{}] {} {}", source, level, entry.getMessage(), entry.getException());
            } else {
                // an expected refusal (e.g. an invalid configuration) was already explained by its
                // component, and a warning's consequences need no stack trace
                LOG.warn("[{}] {} {}: {}", source, level, entry.getMessage(), root.toString().lines().findFirst().orElse(""));
            }
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }
}
