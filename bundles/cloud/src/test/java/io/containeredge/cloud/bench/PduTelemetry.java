package io.containeredge.cloud.bench;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.sparkplug.EdgeNodeSession;
import io.containeredge.cloud.sparkplug.SparkplugMessage;
import io.containeredge.cloud.sparkplug.SparkplugTopics;
import io.containeredge.modbus.value.PointValue;
import java.util.ArrayList;
import java.util.List;

/**
 * DDATA of one 20-channel PDU (the demo site's {@code pdu-20-socket} currents) built the way the
 * gateway builds them: process-image points through an {@link EdgeNodeSession}, encoded with Tahu,
 * every metric with name, alias, datatype, timestamp and the quality property.
 *
 * <p>The session is never connected, so it produces exactly what the gateway queues during an
 * outage (names kept, no births). Every channel moves a little on every call and the deadband is 0,
 * so each message carries all {@value #CHANNELS} metrics.
 */
final class PduTelemetry {

    static final int CHANNELS = 20;
    private static final String DEVICE = "pdu-01";

    private final EdgeNodeSession session =
            new EdgeNodeSession(new SparkplugTopics("bench-site", "bench-c-01"), 0, (device, point) -> 0.0, 0);
    private long step;

    /** The next DDATA, as queued by the gateway at {@code now}. */
    OutboundMessage next(long now) {
        step++;
        List<PointValue> points = new ArrayList<>(CHANNELS);
        for (int channel = 1; channel <= CHANNELS; channel++) {
            // 10 mA steps over a 10 A range: realistic magnitudes, and never the value sent last time
            double amps = 8 + channel * 0.1 + (step % 1000) * 0.01;
            points.add(PointValue.good(DEVICE, String.format("current_%02d", channel), amps, "A", now));
        }
        SparkplugMessage ddata = session.update(points, now).get(0);
        return new OutboundMessage(ddata.topic(), ddata.encode(), 1, MessageKind.TELEMETRY, now);
    }
}
