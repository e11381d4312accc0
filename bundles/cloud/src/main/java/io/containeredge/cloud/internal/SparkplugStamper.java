package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.sparkplug.MessageType;
import io.containeredge.cloud.sparkplug.SparkplugCodec;
import io.containeredge.cloud.sparkplug.SparkplugTopics;
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
 *       files it as history instead of as the present; live data loses its metric names and keeps
 *       only the aliases of the births in force, which is what makes Sparkplug compact.</li>
 * </ul>
 * Messages on other topics (alarm, audit and reply records) pass untouched. Publisher thread only.
 */
final class SparkplugStamper {

    private long seq;
    private long birthMillis = Long.MIN_VALUE;

    /** A connection (or a rebirth) published its births, numbered 0 … {@code births - 1}, at {@code millis}. */
    void born(long millis, int births) {
        birthMillis = millis;
        seq = births % 256;
    }

    /** What to publish for {@code m}, or null to drop it (a superseded birth). */
    OutboundMessage stamp(OutboundMessage m) {
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
        payload.setSeq(seq);
        seq = (seq + 1) % 256;
        if (m.kind() == MessageKind.TELEMETRY) {
            for (Metric metric : payload.getMetrics()) {
                if (historical) {
                    metric.setHistorical(true);
                } else if (metric.hasAlias()) {
                    metric.setName(null);
                }
            }
        }
        return new OutboundMessage(m.topic(), SparkplugCodec.encode(payload), m.qos(), m.kind(), m.createdMillis());
    }
}
