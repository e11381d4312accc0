package io.containeredge.cloud.sparkplug;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/** Protobuf encoding of Sparkplug B payloads through Eclipse Tahu 1.0.19. */
public final class SparkplugCodec {

    private SparkplugCodec() {
    }

    /**
     * Encodes with every metric's datatype kept: the spec allows dropping it outside births, but
     * independent decoders (npm sparkplug-payload) need it to read the value of an alias-only metric.
     */
    public static byte[] encode(SparkplugBPayload payload) {
        try {
            return new SparkplugBPayloadEncoder().getBytes(payload, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode Sparkplug payload", e);
        }
    }

    /**
     * Decodes bytes that arrived from the broker (NCMD/DCMD), so anything may be in them.
     *
     * @throws IllegalArgumentException with the reason when the bytes are not a Sparkplug B payload
     */
    public static SparkplugBPayload decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("empty payload is not a Sparkplug B payload");
        }
        try {
            return new SparkplugBPayloadDecoder().buildFromByteArray(bytes, null);
        } catch (Exception e) {
            // Tahu reports protobuf and datatype problems as several exception types: one reason for callers
            throw new IllegalArgumentException("not a Sparkplug B payload: " + e.getMessage(), e);
        }
    }
}
