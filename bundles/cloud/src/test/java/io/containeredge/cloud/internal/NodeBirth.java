package io.containeredge.cloud.internal;

import io.containeredge.cloud.sparkplug.EdgeNodeSession;
import io.containeredge.cloud.sparkplug.SparkplugCodec;
import io.containeredge.cloud.sparkplug.SparkplugMessage;
import io.containeredge.cloud.sparkplug.SparkplugTopics;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.tahu.message.model.Metric;

/** The NBIRTH of a node with the given metrics, decoded as a Sparkplug host reads it: for the node metric tests. */
final class NodeBirth {

    private static final long AT = 1_800_000_000_000L;

    private NodeBirth() {
    }

    /** Name to metric, the session's own (bdSeq, Node Control/Rebirth) included. */
    static Map<String, Metric> of(Map<String, Object> metrics) {
        EdgeNodeSession session = new EdgeNodeSession(new SparkplugTopics("site-a", "c01"), 0, (d, p) -> 0, 0);
        session.connecting(AT);
        SparkplugMessage nbirth = session.connected(metrics, AT).get(0);
        return SparkplugCodec.decode(nbirth.encode()).getMetrics().stream()
                .collect(Collectors.toMap(Metric::getName, m -> m));
    }
}
