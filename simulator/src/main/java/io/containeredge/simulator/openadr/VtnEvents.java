package io.containeredge.simulator.openadr;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/** Events as a utility's VTN would publish them, in the OpenADR 3 shape. */
public final class VtnEvents {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private VtnEvents() {
    }

    /**
     * One interval holding the site's import at or below {@code kw} from {@code start} for {@code duration}: an
     * {@code IMPORT_CAPACITY_LIMIT} payload in kW, as its payload descriptor says.
     */
    public static ObjectNode importLimit(String programId, String name, double kw, Instant start, Duration duration) {
        ObjectNode e = JSON.objectNode();
        e.put("programID", programId);
        e.put("eventName", name);
        ObjectNode descriptor = e.putArray("payloadDescriptors").addObject();
        descriptor.put("objectType", "EVENT_PAYLOAD_DESCRIPTOR");
        descriptor.put("payloadType", "IMPORT_CAPACITY_LIMIT");
        descriptor.put("units", "KW");
        ObjectNode period = e.putObject("intervalPeriod");
        period.put("start", start.toString());
        period.put("duration", duration.toString());
        ObjectNode interval = e.putArray("intervals").addObject();
        interval.put("id", 0);
        ObjectNode payload = interval.putArray("payloads").addObject();
        payload.put("type", "IMPORT_CAPACITY_LIMIT");
        payload.putArray("values").add(kw);
        ObjectNode report = e.putArray("reportDescriptors").addObject();
        report.put("payloadType", "DEMAND");
        report.put("readingType", "MEAN");
        report.put("units", "KW");
        return e;
    }
}
