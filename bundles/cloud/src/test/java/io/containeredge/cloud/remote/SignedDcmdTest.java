package io.containeredge.cloud.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.cloud.sparkplug.SparkplugCodec;
import java.util.ArrayList;
import java.util.Date;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.Test;

/** Sparkplug DCMD writes: signed inside the payload, then the same path as the {@code write} action. */
class SignedDcmdTest extends RigFixture {

    static final String TOPIC = "spBv1.0/demo-site/DCMD/c-01/battery";

    static Metric metric(String name, Long alias, MetricDataType type, Object value) throws Exception {
        return new Metric(name, alias, new Date(), type, null, null, null, null, value);
    }

    static SparkplugBPayload payload(Metric... metrics) throws Exception {
        SparkplugBPayload p = new SparkplugBPayload(new Date(), new ArrayList<>());
        for (Metric m : metrics) {
            p.addMetric(m);
        }
        return p;
    }

    /** Adds the four signing metrics over {@code canonical}, the text the operations centre computes. */
    static byte[] signed(SparkplugBPayload p, String id, long expires, String canonical) throws Exception {
        p.addMetric(metric("Command/Id", null, MetricDataType.String, id));
        p.addMetric(metric("Command/Expires", null, MetricDataType.Int64, expires));
        p.addMetric(metric("Command/KeyId", null, MetricDataType.String, "ops"));
        p.addMetric(metric("Command/Signature", null, MetricDataType.String, Signer.hmacHex(Signer.KEY_TEXT, canonical)));
        return SparkplugCodec.encode(p);
    }

    @Test
    void aSignedDcmdWritesEveryMetricThroughTheDeviceWriter() throws Exception {
        long expires = Rig.T0 + 600_000;
        SparkplugBPayload p = payload(metric("m704.WSetEna", null, MetricDataType.Int32, 1),
                metric("m704.WSet", null, MetricDataType.Double, -50000.0));
        rig.requests.handle(TOPIC, signed(p, "dcmd-7", expires,
                "dcmd-7\n" + expires + "\ndemo-site\nc-01\nbattery\nm704.WSet=-50000\nm704.WSetEna=1\n"));

        assertEquals(2, rig.writer.writes.size());
        assertEquals("m704.WSet", rig.writer.writes.get(0).point());
        assertEquals(-50000.0, ((Number) rig.writer.writes.get(0).value()).doubleValue());
        assertEquals("m704.WSetEna", rig.writer.writes.get(1).point());
        assertEquals("battery", rig.writer.writes.get(1).device());
        rig.writer.writes.forEach(w -> w.ack().complete(null));

        JsonNode reply = rig.lastReply();
        assertEquals("dcmd-7", reply.get("id").asText());
        assertEquals("accepted", reply.get("status").asText());
        assertEquals("command.write", rig.audit.last().action());
        assertEquals("ops", rig.audit.last().actor());
    }

    @Test
    void aDcmdSignedForAnotherContainerDoesNotVerifyHere() throws Exception {
        long expires = Rig.T0 + 600_000;
        SparkplugBPayload p = payload(metric("m704.WSet", null, MetricDataType.Double, -50000.0));
        rig.requests.handle(TOPIC, signed(p, "dcmd-20", expires,
                "dcmd-20\n" + expires + "\ndemo-site\nc-02\nbattery\nm704.WSet=-50000\n"));

        JsonNode reply = rig.lastReply();
        assertEquals("rejected", reply.get("status").asText());
        assertTrue(reply.get("reason").asText().contains("signed for another target"), reply.toString());
        assertTrue(rig.writer.writes.isEmpty());
    }

    @Test
    void anUnsignedDcmdIsRejectedWithoutAnIdAndNothingIsWritten() throws Exception {
        rig.requests.handle(TOPIC, SparkplugCodec.encode(payload(metric("m704.WSet", null, MetricDataType.Double, 0.0))));

        JsonNode reply = rig.lastReply();
        assertEquals("rejected", reply.get("status").asText());
        assertTrue(reply.get("id").isNull());
        assertTrue(reply.get("reason").asText().startsWith("unsigned DCMD"), reply.toString());
        assertTrue(rig.writer.writes.isEmpty());
        assertEquals("unknown", rig.audit.last().actor());
    }

    @Test
    void aDcmdWhoseValueWasChangedAfterSigningIsRejected() throws Exception {
        long expires = Rig.T0 + 600_000;
        SparkplugBPayload p = payload(metric("m704.WSet", null, MetricDataType.Double, -250000.0));
        rig.requests.handle(TOPIC, signed(p, "dcmd-8", expires, "dcmd-8\n" + expires + "\ndemo-site\nc-01\nbattery\nm704.WSet=-50000\n"));

        assertTrue(rig.lastReply().get("reason").asText().startsWith("wrong signature"), rig.lastReply().toString());
        assertTrue(rig.writer.writes.isEmpty());
    }

    @Test
    void aDcmdForAnotherDeviceThanTheSignedOneIsRejected() throws Exception {
        long expires = Rig.T0 + 600_000;
        SparkplugBPayload p = payload(metric("socket_01", null, MetricDataType.Boolean, false));
        rig.requests.handle("spBv1.0/demo-site/DCMD/c-01/pdu-02",
                signed(p, "dcmd-9", expires, "dcmd-9\n" + expires + "\ndemo-site\nc-01\npdu-01\nsocket_01=false\n"));

        assertEquals("rejected", rig.lastReply().get("status").asText());
        assertTrue(rig.writer.writes.isEmpty());
    }

    @Test
    void metricsGivenByAliasAreSignedAndWrittenUnderTheirNames() throws Exception {
        rig.aliases.put(17L, "m704.WSet");
        long expires = Rig.T0 + 600_000;
        SparkplugBPayload p = payload(metric(null, 17L, MetricDataType.Float, 0.25f));
        rig.requests.handle(TOPIC, signed(p, "dcmd-10", expires, "dcmd-10\n" + expires + "\ndemo-site\nc-01\nbattery\nm704.WSet=0.25\n"));

        assertEquals(1, rig.writer.writes.size());
        assertEquals("m704.WSet", rig.writer.writes.get(0).point());
        assertEquals(0.25, ((Number) rig.writer.writes.get(0).value()).doubleValue(), 1e-9);
    }

    @Test
    void anUnknownAliasIsRejected() throws Exception {
        long expires = Rig.T0 + 600_000;
        SparkplugBPayload p = payload(metric(null, 99L, MetricDataType.Double, 1.0));
        rig.requests.handle(TOPIC, signed(p, "dcmd-11", expires, "irrelevant"));

        assertTrue(rig.lastReply().get("reason").asText().contains("alias 99 is not a metric of device battery"));
        assertTrue(rig.writer.writes.isEmpty());
    }

    @Test
    void aRepeatedDcmdIsAReplayAndWritesOnce() throws Exception {
        long expires = Rig.T0 + 600_000;
        byte[] dcmd = signed(payload(metric("m704.WSetEna", null, MetricDataType.Boolean, true)), "dcmd-12", expires,
                "dcmd-12\n" + expires + "\ndemo-site\nc-01\nbattery\nm704.WSetEna=true\n");
        rig.requests.handle(TOPIC, dcmd);
        rig.writer.writes.get(0).ack().complete(null);
        rig.requests.handle(TOPIC, dcmd);

        assertEquals(1, rig.writer.writes.size());
        assertTrue(rig.lastReply().get("replay").asBoolean());
    }

    @Test
    void aHostileMetricNameIsQuotedShortAndPrintableOnly() throws Exception {
        String name = "x\n".repeat(5000);
        rig.requests.handle(TOPIC, SparkplugCodec.encode(payload(metric(name, null, MetricDataType.Double, 1.0),
                metric(name, null, MetricDataType.Double, 2.0))));

        String reason = rig.lastReply().get("reason").asText();
        assertTrue(reason.length() <= 201, "length " + reason.length());
        assertTrue(reason.indexOf('\n') < 0, reason);
        assertTrue(rig.writer.writes.isEmpty());
    }

    @Test
    void bytesThatAreNotSparkplugAreRejected() throws Exception {
        rig.requests.handle(TOPIC, new byte[] {(byte) 0xFF, 0x01, 0x02});

        assertEquals("rejected", rig.lastReply().get("status").asText());
        assertTrue(rig.lastReply().get("id").isNull());
    }
}
