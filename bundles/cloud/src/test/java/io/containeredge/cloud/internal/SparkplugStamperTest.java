package io.containeredge.cloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.containeredge.cloud.mqtt.ConnectionHooks;
import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.sparkplug.SparkplugCodec;
import java.util.ArrayList;
import java.util.Date;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.Test;

class SparkplugStamperTest {

    private static final String DDATA = "spBv1.0/site/DDATA/container/cdu";
    private static final long BORN = 10_000;
    /** The births in force know the cdu's supply under alias 12 (queued data carries an older 7). */
    private final SparkplugStamper stamper = new SparkplugStamper(
            (device, name) -> "cdu".equals(device) && "supply".equals(name) ? 12L : null);

    private static OutboundMessage ddata(long created) throws Exception {
        SparkplugBPayload p = new SparkplugBPayload(new Date(created), new ArrayList<>());
        p.addMetric(new Metric.MetricBuilder("supply", MetricDataType.Double, 41.5).alias(7L)
                .timestamp(new Date(created)).createMetric());
        p.setSeq(99L);
        return new OutboundMessage(DDATA, SparkplugCodec.encode(p), 1, MessageKind.TELEMETRY, created);
    }

    private static SparkplugBPayload decoded(OutboundMessage m) {
        return SparkplugCodec.decode(m.payload());
    }

    @Test
    void dataFromBeforeTheBirthIsHistoricalAndGoesByTheAliasOfTheBirthsInForce() throws Exception {
        stamper.born(BORN, 3);
        Metric m = decoded(stamper.stamp(ddata(BORN - 5000), BORN + 1)).getMetrics().get(0);
        assertEquals(Boolean.TRUE, m.getIsHistorical());
        assertFalse(m.hasName(), "Sparkplug 3.0: DDATA goes by alias only once births carry aliases");
        assertEquals(12L, m.getAlias(), "the alias its name has now, not the one it was queued with");
    }

    @Test
    void historicalDataOfADeviceNotBornYetWaitsForItsBirthThenGoesByNameNeverDropped() throws Exception {
        stamper.born(BORN, 1);
        SparkplugBPayload p = new SparkplugBPayload(new Date(BORN - 10), new ArrayList<>());
        p.addMetric(new Metric.MetricBuilder("removed_point", MetricDataType.Double, 1.0).alias(9L).createMetric());
        OutboundMessage queued = new OutboundMessage(DDATA, SparkplugCodec.encode(p), 1, MessageKind.TELEMETRY, BORN - 10);
        assertSame(ConnectionHooks.NOT_YET, stamper.stamp(queued, BORN + 1), "held back while its birth may come");
        assertSame(ConnectionHooks.NOT_YET, stamper.stamp(queued, BORN + SparkplugStamper.BIRTH_WAIT_MILLIS - 1));
        assertEquals(1L, decoded(stamper.stamp(ddata(BORN + 1), BORN + 1)).getSeq(), "a held message takes no seq");

        Metric m = decoded(stamper.stamp(queued, BORN + SparkplugStamper.BIRTH_WAIT_MILLIS)).getMetrics().get(0);
        assertEquals("removed_point", m.getName(), "no birth names it after the wait: it goes by name, not lost");
        assertFalse(m.hasAlias(), "its old alias would name another metric now");
        assertEquals(Boolean.TRUE, m.getIsHistorical());
    }

    @Test
    void liveDataIsSentByAliasOnlyAndNotHistorical() throws Exception {
        stamper.born(BORN, 3);
        SparkplugBPayload p = decoded(stamper.stamp(ddata(BORN + 1000), BORN + 1));
        Metric m = p.getMetrics().get(0);
        assertFalse(m.hasName());
        assertEquals(7L, m.getAlias());
        assertNull(m.getIsHistorical());
        assertEquals(3L, p.getSeq(), "after NBIRTH (0) and two DBIRTHs");
    }

    @Test
    void sequenceWrapsAfter255() throws Exception {
        stamper.born(BORN, 1);
        long last = 0;
        for (int i = 0; i < 256; i++) {
            last = decoded(stamper.stamp(ddata(BORN + i), BORN + 1)).getSeq();
        }
        assertEquals(0L, last, "1 … 255, then 0");
    }

    @Test
    void birthsOfEarlierConnectionsAreDroppedOtherTopicsPassUntouched() throws Exception {
        stamper.born(BORN, 1);
        OutboundMessage oldBirth = new OutboundMessage("spBv1.0/site/DBIRTH/container/cdu", ddata(0).payload(), 1,
                MessageKind.BIRTH, BORN - 1);
        assertNull(stamper.stamp(oldBirth, BORN + 1));
        OutboundMessage alarm = new OutboundMessage("containeredge/site/container/alarm", new byte[] {'{', '}'}, 1,
                MessageKind.ALARM, 0);
        assertSame(alarm, stamper.stamp(alarm, BORN + 1));
    }
}
