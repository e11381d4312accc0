package io.containeredge.cloud.internal;

import io.containeredge.cloud.mqtt.ConnectionHooks;
import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.sparkplug.MessageType;
import io.containeredge.cloud.sparkplug.SparkplugCodec;
import io.containeredge.cloud.sparkplug.SparkplugTopics;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.tahu.SparkplugException;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * Fits queued Sparkplug messages into the connection they are finally published on. The queue holds
 * messages made during earlier connections, during outages and before restarts; the host checks
 * them against the current connection. So, as each one is handed to the broker:
 * <ul>
 *   <li>it gets the next {@code seq} of this connection (NBIRTH 0, then in publish order);</li>
 *   <li>births made before this connection's NBIRTH are dropped: the current births replace them;</li>
 *   <li>data made before this connection's NBIRTH is marked historical on every metric, so the host
 *       files it as history instead of as the present;</li>
 *   <li>data goes by alias only, as Sparkplug 3.0 requires of NDATA and DDATA once births carry aliases:
 *       live data keeps its aliases and loses its names; historical data, queued with names because it
 *       may be older than this process's aliases, gets the alias its name has in the births in force.
 *       A metric those births do not know yet (its device is born later on this connection, once it has
 *       been read after a restart) holds its message back ({@link ConnectionHooks#NOT_YET}) for up to
 *       {@link #BIRTH_WAIT_MILLIS} after the births; a metric still unknown then (a device removed from
 *       the site, or silent) goes by its name: never dropped, nothing is lost.</li>
 * </ul>
 * Messages on other topics (alarm, audit and reply records) pass untouched. Publisher thread only.
 */
final class SparkplugStamper {

    /** The alias a metric has in the births in force. */
    interface Aliases {
        /** @param device null for a node metric; returns null when the births do not know the metric */
        Long of(String device, String name);
    }

    /** How long after its births a connection waits for the births that name queued historical metrics. */
    static final long BIRTH_WAIT_MILLIS = 30_000;

    private final Aliases aliases;
    private long seq;
    private long birthMillis = Long.MIN_VALUE;

    SparkplugStamper(Aliases aliases) {
        this.aliases = aliases;
    }

    /** A connection (or a rebirth) published its births, numbered 0 … {@code births - 1}, at {@code millis}. */
    void born(long millis, int births) {
        birthMillis = millis;
        seq = births % 256;
    }

    /**
     * What to publish for {@code m} at {@code nowMillis}, null to drop it (a superseded birth), or
     * {@link ConnectionHooks#NOT_YET} while the births that name its metrics are not out yet.
     */
    OutboundMessage stamp(OutboundMessage m, long nowMillis) {
        String[] t = m.topic().split("/");
        if (t.length < 4 || !SparkplugTopics.NAMESPACE.equals(t[0])) {
            return m;
        }
        boolean historical = m.createdMillis() < birthMillis;
        if (m.kind() == MessageKind.BIRTH && historical) {
            return null;
        }
        if (MessageType.NBIRTH.name().equals(t[2])) {
            seq = 0; // a rebirth starts the sequence again
        }
        SparkplugBPayload payload = SparkplugCodec.decode(m.payload());
        if (m.kind() == MessageKind.TELEMETRY
                && !byAlias(payload, t.length > 4 ? t[4] : null, historical, nowMillis - birthMillis >= BIRTH_WAIT_MILLIS)) {
            return ConnectionHooks.NOT_YET;
        }
        payload.setSeq(seq);
        seq = (seq + 1) % 256;
        return new OutboundMessage(m.topic(), SparkplugCodec.encode(payload), m.qos(), m.kind(), m.createdMillis());
    }

    /**
     * Puts every metric on its alias of the births in force.
     *
     * @param waited whether the wait for later births is over: an unknown metric then goes by its name
     * @return false when a historical metric is not known to the births yet and the wait is not over
     */
    private boolean byAlias(SparkplugBPayload payload, String device, boolean historical, boolean waited) {
        List<Metric> metrics = new ArrayList<>();
        for (Metric metric : payload.getMetrics()) {
            if (historical) {
                Long alias = metric.hasName() ? aliases.of(device, metric.getName()) : metric.getAlias();
                if (alias == null && !waited) {
                    return false;
                }
                metric = alias == null ? byNameOnly(metric) : metric;
                if (alias != null) {
                    metric.setAlias(alias);
                }
                metric.setHistorical(true);
            }
            if (metric.hasAlias()) {
                metric.setName(null);
            }
            metrics.add(metric);
        }
        payload.setMetrics(metrics);
        return true;
    }

    /** The metric without the alias it was queued with, which may name another metric on this connection. */
    private static Metric byNameOnly(Metric metric) {
        try {
            return new Metric.MetricBuilder(metric).alias(null).createMetric();
        } catch (SparkplugException e) {
            throw new IllegalStateException("a decoded metric could not be copied: " + e.getMessage(), e);
        }
    }
}
