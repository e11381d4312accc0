package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.cloud.sparkplug.SparkplugCodec;
import io.containeredge.site.api.SignedEnvelope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * Reads a Sparkplug DCMD (writes to a device's metrics) into an authenticated {@code write} request.
 * The signature travels in the same payload as four metrics: {@value #ID} (String), {@value #EXPIRES}
 * (Int64, epoch ms), {@value #KEY_ID} (String) and {@value #SIGNATURE} (String, hex HMAC-SHA256 of
 * the {@link DcmdCanonical} text, which names this site, container and device). Every other metric is a write; metrics may be given by name or,
 * after the births, by alias.
 */
final class DcmdReader {

    static final String PREFIX = "Command/";
    static final String ID = PREFIX + "Id";
    static final String EXPIRES = PREFIX + "Expires";
    static final String KEY_ID = PREFIX + "KeyId";
    static final String SIGNATURE = PREFIX + "Signature";
    private static final List<String> COMMAND_METRICS = List.of(ID, EXPIRES, KEY_ID, SIGNATURE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestKeys keys;
    private final MetricNames names;
    private final String site;
    private final String container;

    /** @param site and {@code container}: this edge node's, which the signed text must name */
    DcmdReader(RequestKeys keys, MetricNames names, String site, String container) {
        this.keys = keys;
        this.names = names;
        this.site = site;
        this.container = container;
    }

    RemoteRequest read(String device, byte[] payload) throws Refusal {
        if (payload == null || payload.length > SignedEnvelope.MAX_BYTES) {
            throw new Refusal(null, "payload larger than " + SignedEnvelope.MAX_BYTES + " bytes (1 MiB), not read");
        }
        SparkplugBPayload dcmd;
        try {
            dcmd = SparkplugCodec.decode(payload);
        } catch (IllegalArgumentException e) {
            throw new Refusal(null, e.getMessage());
        }
        Map<String, Object> command = new HashMap<>();
        SortedMap<String, Object> writes = new TreeMap<>();
        for (Metric m : dcmd.getMetrics()) {
            String name = name(device, m);
            Map<String, Object> into = name.startsWith(PREFIX) ? command : writes;
            if (into.containsKey(name)) {
                throw new Refusal(null, "metric " + name + " given twice");
            }
            into.put(name, Boolean.TRUE.equals(m.isNull()) ? null : m.getValue());
        }
        String id = RemoteRequest.validIdOrNull(command.get(ID) instanceof String s ? s : null);
        if (!command.keySet().containsAll(COMMAND_METRICS)) {
            throw new Refusal(id, "unsigned DCMD: it needs the metrics " + String.join(", ", COMMAND_METRICS));
        }
        if (!COMMAND_METRICS.containsAll(command.keySet())) {
            throw new Refusal(id, "unknown " + PREFIX + " metric among " + command.keySet());
        }
        if (id == null) {
            throw new Refusal(null, ID + " is not 1..64 characters of [A-Za-z0-9._:-]");
        }
        if (!(command.get(EXPIRES) instanceof Long expires)) {
            throw new Refusal(id, EXPIRES + " must be an Int64 (epoch milliseconds)");
        }
        if (!(command.get(KEY_ID) instanceof String keyId) || !(command.get(SIGNATURE) instanceof String signature)) {
            throw new Refusal(id, KEY_ID + " and " + SIGNATURE + " must be strings");
        }
        if (writes.isEmpty()) {
            throw new Refusal(id, "no metric to write");
        }
        String text = DcmdCanonical.text(id, expires, new DcmdCanonical.Target(site, container, device), writes);
        try {
            keys.verify(id, keyId, text, signature);
        } catch (Refusal f) {
            throw !RequestKeys.WRONG_SIGNATURE.equals(f.getMessage()) ? f : new Refusal(id, f.getMessage()
                    + " (the signed text names site, container, device and values: signed for another target, or changed?)");
        }
        return new RemoteRequest(id, expires, CommandActions.WRITE, params(device, writes), keyId, site, container);
    }

    private String name(String device, Metric m) throws Refusal {
        if (m.hasName()) {
            return m.getName();
        }
        if (!m.hasAlias()) {
            throw new Refusal(null, "a metric has neither a name nor an alias");
        }
        return names.nameOf(device, m.getAlias())
                .orElseThrow(() -> new Refusal(null, "alias " + m.getAlias() + " is not a metric of device " + device));
    }

    /** The writes in the form of the {@code write} action's params: {@code {device, writes: [{point, value}]}}. */
    private static ObjectNode params(String device, SortedMap<String, Object> writes) {
        ObjectNode params = JSON.createObjectNode();
        params.put("device", device);
        ArrayNode list = params.putArray("writes");
        writes.forEach((point, value) -> list.addObject().put("point", point).set("value", JSON.valueToTree(value)));
        return params;
    }
}
