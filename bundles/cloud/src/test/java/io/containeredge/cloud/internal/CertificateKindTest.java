package io.containeredge.cloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.queue.OutboundQueue;
import io.containeredge.cloud.sparkplug.MessageType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Sparkplug messages the queue may give up when the disk is full. */
class CertificateKindTest {

    private static final String DDEATH = "spBv1.0/site/DDEATH/c-01/cdu";

    @TempDir
    Path dir;

    @Test
    void deathsAndBirthsAreNeverThinnedDataIs() {
        for (MessageType t : List.of(MessageType.NBIRTH, MessageType.DBIRTH, MessageType.NDEATH, MessageType.DDEATH)) {
            assertFalse(CloudComponent.kindOf(t).thinnable(), t + " is never thinned");
        }
        assertTrue(CloudComponent.kindOf(MessageType.DDATA).thinnable());
        assertTrue(CloudComponent.kindOf(MessageType.NDATA).thinnable());
    }

    @Test
    void aQueuedDdeathSurvivesAQueueFullOfTelemetry() {
        try (OutboundQueue q = OutboundQueue.open(dir.resolve("q.db"), 4096)) {
            q.append(new OutboundMessage(DDEATH, new byte[40], 1, CloudComponent.kindOf(MessageType.DDEATH), 1));
            for (int i = 0; i < 200; i++) {
                q.append(new OutboundMessage("spBv1.0/site/DDATA/c-01/cdu", new byte[100], 1,
                        CloudComponent.kindOf(MessageType.DDATA), 2 + i));
            }
            assertTrue(q.thinnedCount() > 0, "the queue had to thin");
            assertEquals(DDEATH, q.peek(1).get(0).message().topic(), "the DDEATH is still first in the queue");
        }
    }

    @Test
    void sparkplugQosZeroAppliesToBirthsAndDataNeverToTheNdeathOrTheRecords() {
        String[] zero = {"spBv1.0/site/NBIRTH/c-01", "spBv1.0/site/DBIRTH/c-01/cdu", "spBv1.0/site/DDATA/c-01/cdu",
            "spBv1.0/site/NDATA/c-01", DDEATH};
        for (String topic : zero) {
            assertEquals(0, CloudComponent.wireQos(new OutboundMessage(topic, new byte[0], 1,
                    MessageKind.TELEMETRY, 0), 0), topic);
            assertEquals(1, CloudComponent.wireQos(new OutboundMessage(topic, new byte[0], 1,
                    MessageKind.TELEMETRY, 0), 1), topic + " at the default");
        }
        for (String topic : List.of("spBv1.0/site/NDEATH/c-01", "containeredge/site/c-01/alarm")) {
            assertEquals(1, CloudComponent.wireQos(new OutboundMessage(topic, new byte[0], 1, MessageKind.ALARM, 0), 0),
                    topic);
        }
    }
}
