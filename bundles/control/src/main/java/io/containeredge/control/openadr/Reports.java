package io.containeredge.control.openadr;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.ComplianceSecond;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reports the VEN sends, in the OpenADR 3 shape, for the whole container ({@code AGGREGATED_REPORT}). Load: per
 * report interval the mean import ({@code DEMAND}, kW, reading type {@code MEAN}) and the energy it makes over the
 * interval ({@code USAGE}, kWh), from the controller's per-second compliance; an interval without one good reading
 * says {@code DATA_QUALITY MISSING}. Opt-out: the container cannot (or will not) meet the event: an
 * {@code OPERATING_STATE} of {@code RUNNING_OPTED_OUT} over the event, with the reason as a private
 * {@code OPT_OUT_REASON} payload (OpenADR 3 has no opt message of its own: reports are how a VEN answers).
 */
final class Reports {

    static final String RESOURCE = "AGGREGATED_REPORT";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Reports() {
    }

    /**
     * @param bounds the windows' bounds in epoch seconds: the first one's start, then each one's end
     * @param rows the compliance rows covering them
     */
    static ObjectNode load(String venName, String programId, String eventId, long[] bounds,
            List<ComplianceSecond> rows) {
        ObjectNode r = header(venName, programId, eventId, "load from " + Instant.ofEpochSecond(bounds[0]));
        ArrayNode descriptors = r.putArray("payloadDescriptors");
        descriptor(descriptors, "DEMAND", "MEAN", "KW");
        descriptor(descriptors, "USAGE", "MEAN", "KWH");
        ArrayNode intervals = resource(r);
        for (int i = 0; i + 1 < bounds.length; i++) {
            long from = bounds[i];
            long to = bounds[i + 1];
            double sum = 0;
            int good = 0;
            for (ComplianceSecond s : rows) {
                if (s.epochSecond() >= from && s.epochSecond() < to && Double.isFinite(s.importKw())) {
                    sum += s.importKw();
                    good++;
                }
            }
            ObjectNode interval = interval(intervals, i, from, to - from);
            ArrayNode payloads = interval.putArray("payloads");
            if (good == 0) {
                payload(payloads, "DATA_QUALITY").add("MISSING");
            } else {
                double meanKw = sum / good;
                payload(payloads, "DEMAND").add(round(meanKw));
                payload(payloads, "USAGE").add(round(meanKw * (to - from) / 3600.0));
            }
        }
        return r;
    }

    static ObjectNode optOut(String venName, String programId, String eventId, long startMillis, long endMillis,
            String reason) {
        ObjectNode r = header(venName, programId, eventId, "opt-out");
        descriptor(r.putArray("payloadDescriptors"), "OPERATING_STATE", "DIRECT_READ", null);
        ObjectNode interval = interval(resource(r), 0, startMillis / 1000, (endMillis - startMillis) / 1000);
        ArrayNode payloads = interval.putArray("payloads");
        payload(payloads, "OPERATING_STATE").add("RUNNING_OPTED_OUT");
        payload(payloads, "OPT_OUT_REASON").add(reason);
        return r;
    }

    private static ObjectNode header(String venName, String programId, String eventId, String what) {
        ObjectNode r = JSON.objectNode();
        r.put("programID", programId);
        r.put("eventID", eventId);
        r.put("clientName", venName);
        r.put("reportName", venName + " " + eventId + " " + what);
        return r;
    }

    private static void descriptor(ArrayNode into, String type, String reading, String units) {
        ObjectNode d = into.addObject();
        d.put("objectType", "REPORT_PAYLOAD_DESCRIPTOR");
        d.put("payloadType", type);
        d.put("readingType", reading);
        if (units != null) {
            d.put("units", units);
        }
    }

    private static ArrayNode resource(ObjectNode report) {
        ObjectNode resource = report.putArray("resources").addObject();
        resource.put("resourceName", RESOURCE);
        return resource.putArray("intervals");
    }

    private static ObjectNode interval(ArrayNode intervals, int id, long startSecond, long seconds) {
        ObjectNode in = intervals.addObject();
        in.put("id", id);
        ObjectNode period = in.putObject("intervalPeriod");
        period.put("start", Instant.ofEpochSecond(startSecond).toString());
        period.put("duration", Duration.ofSeconds(seconds).toString());
        return in;
    }

    private static ArrayNode payload(ArrayNode payloads, String type) {
        ObjectNode p = payloads.addObject();
        p.put("type", type);
        return p.putArray("values");
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
