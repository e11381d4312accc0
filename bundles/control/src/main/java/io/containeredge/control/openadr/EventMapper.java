package io.containeredge.control.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.EventTarget.Kind;
import io.containeredge.control.api.GridEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps an OpenADR 3 event onto the controller's {@link GridEvent}. Each interval's period is its own
 * {@code intervalPeriod}, else it follows the one before it with the event's duration (the first starting at the
 * event's start). The event's {@code randomizeStart} moves the whole event by the same offset on every poll and after a
 * restart: a hash of the VEN name and the event id picks it. The payload that becomes the target, by precedence:
 * {@code IMPORT_CAPACITY_LIMIT} (kW), {@code EXPORT_CAPACITY_LIMIT} (kW), {@code SIMPLE} / {@code LOAD_SHED} (level
 * 0-3), {@code PRICE} (USD/MWh); units per the payload descriptors of the event, else its program: power in W, KW
 * (default) or MW, prices in USD (default; other currencies are refused) per KWH (default) or MWH. An event of
 * {@code ALERT_*} payloads only is an alert. What cannot be read throws {@link MalformedEventException}.
 */
final class EventMapper {

    private static final List<String> TARGET_TYPES = List.of("IMPORT_CAPACITY_LIMIT", "EXPORT_CAPACITY_LIMIT",
            "SIMPLE", "LOAD_SHED", "PRICE");

    private final String venName;
    private final String source;

    /** @param source the events' source, {@code openadr:<vtn host>} */
    EventMapper(String venName, String source) {
        this.venName = venName;
        this.source = source;
    }

    /**
     * @param programs the VTN's programs by id (their payload descriptors give units the event leaves out)
     * @param notifiedMillis when the VEN first saw the event
     */
    VtnEvent map(JsonNode e, Map<String, JsonNode> programs, long notifiedMillis) {
        String id = e.path("id").asText("");
        if (id.isEmpty()) {
            throw new MalformedEventException("an event without an id");
        }
        String programId = e.path("programID").asText("");
        JsonNode program = programs.getOrDefault(programId, MissingNode.getInstance());
        JsonNode intervals = e.path("intervals");
        if (!intervals.isArray() || intervals.isEmpty()) {
            throw malformed(id, "intervals", "no intervals");
        }
        JsonNode period = e.path("intervalPeriod");
        long offset = randomOffset(id, duration(id, "intervalPeriod.randomizeStart", period.path("randomizeStart")));
        List<long[]> windows = windows(id, intervals, period, offset);
        Optional<String> alert = alertType(id, intervals);
        if (alert.isPresent()) {
            return new VtnEvent.Alert(id, programId, alert.get(), windows.stream()
                    .map(w -> new VtnEvent.Window(w[0], w[1])).toList());
        }
        String type = targetType(id, intervals);
        double factor = factor(id, type, e, program);
        List<EventInterval> mapped = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            double value = value(id, i, intervals.get(i), type) * factor;
            mapped.add(new EventInterval(windows.get(i)[0], windows.get(i)[1], new EventTarget(kind(type), value)));
        }
        String name = e.path("eventName").asText(program.path("programName").asText(id));
        return new VtnEvent.Limit(id, programId, new GridEvent("openadr:" + id, source, name, notifiedMillis,
                Duration.ZERO, mapped));
    }

    private List<long[]> windows(String id, JsonNode intervals, JsonNode period, long offset) {
        List<long[]> out = new ArrayList<>();
        long previousEnd = Long.MIN_VALUE;
        for (int i = 0; i < intervals.size(); i++) {
            JsonNode own = intervals.get(i).path("intervalPeriod");
            String at = "intervals[" + i + "].intervalPeriod";
            JsonNode startText = own.has("start") ? own.get("start") : period.path("start");
            long start = i > 0 && !own.has("start") ? previousEnd : instant(id, at + ".start", startText);
            Duration length = duration(id, at + ".duration", own.has("duration") ? own.get("duration")
                    : period.path("duration"));
            if (length == null || length.isZero() || length.isNegative()) {
                throw malformed(id, at + ".duration", "no duration (PT0S means unending: an event's intervals last"
                        + " 1 minute to 24 hours)");
            }
            previousEnd = start + length.toMillis();
            out.add(new long[] {start + offset, previousEnd + offset});
        }
        return out;
    }

    /** The same offset within {@code 0 .. randomizeStart} for this VEN and event on every poll and every restart. */
    long randomOffset(String eventId, Duration randomizeStart) {
        if (randomizeStart == null || randomizeStart.isZero() || randomizeStart.isNegative()) {
            return 0;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((venName + "/" + eventId).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = bits << 8 | (h[i] & 0xff);
            }
            return Math.floorMod(bits, randomizeStart.toMillis() + 1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<String> alertType(String id, JsonNode intervals) {
        List<String> types = new ArrayList<>();
        intervals.forEach(in -> in.path("payloads").forEach(p -> types.add(p.path("type").asText(""))));
        long alerts = types.stream().filter(t -> t.startsWith("ALERT_")).count();
        if (alerts == 0) {
            return Optional.empty();
        }
        if (alerts < types.size()) {
            throw malformed(id, "intervals", "mixes ALERT_ payloads with others " + types);
        }
        return Optional.of(types.get(0));
    }

    private static String targetType(String id, JsonNode intervals) {
        List<String> seen = new ArrayList<>();
        intervals.forEach(in -> in.path("payloads").forEach(p -> seen.add(p.path("type").asText(""))));
        return TARGET_TYPES.stream().filter(seen::contains).findFirst().orElseThrow(() -> malformed(id,
                "intervals[].payloads", "no payload the container acts on (" + seen + "; it takes "
                        + TARGET_TYPES + ")"));
    }

    private static double value(String id, int i, JsonNode interval, String type) {
        for (JsonNode p : interval.path("payloads")) {
            if (type.equals(p.path("type").asText())) {
                JsonNode v = p.path("values").path(0);
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw malformed(id, "intervals[" + i + "].payloads." + type + ".values", "is not a number: "
                            + p.path("values"));
                }
                return v.asDouble();
            }
        }
        throw malformed(id, "intervals[" + i + "].payloads", "has no " + type + " payload, as the other intervals");
    }

    /** From the units the descriptors give to the controller's: kW, and USD/MWh. */
    private static double factor(String id, String type, JsonNode event, JsonNode program) {
        JsonNode d = descriptor(event, type).orElseGet(() -> descriptor(program, type)
                .orElse(MissingNode.getInstance()));
        String units = d.path("units").asText("").toUpperCase(Locale.ROOT);
        switch (kind(type)) {
            case IMPORT_LIMIT_KW, EXPORT_LIMIT_KW -> {
                return switch (units) {
                    case "", "KW" -> 1;
                    case "W" -> 0.001;
                    case "MW" -> 1000;
                    default -> throw malformed(id, "payloadDescriptors." + type + ".units", "'" + units
                            + "' is not a power (W, KW, MW)");
                };
            }
            case PRICE_USD_PER_MWH -> {
                String currency = d.path("currency").asText("USD").toUpperCase(Locale.ROOT);
                if (!currency.equals("USD")) {
                    throw malformed(id, "payloadDescriptors.PRICE.currency", "'" + currency
                            + "': the container's economics are in USD");
                }
                return switch (units) {
                    case "", "KWH" -> 1000;
                    case "MWH" -> 1;
                    default -> throw malformed(id, "payloadDescriptors.PRICE.units", "'" + units
                            + "' is not an energy (KWH, MWH)");
                };
            }
            default -> {
                return 1;
            }
        }
    }

    private static Optional<JsonNode> descriptor(JsonNode holder, String type) {
        for (JsonNode d : holder.path("payloadDescriptors")) {
            if (type.equals(d.path("payloadType").asText())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static Kind kind(String type) {
        return switch (type) {
            case "IMPORT_CAPACITY_LIMIT" -> Kind.IMPORT_LIMIT_KW;
            case "EXPORT_CAPACITY_LIMIT" -> Kind.EXPORT_LIMIT_KW;
            case "PRICE" -> Kind.PRICE_USD_PER_MWH;
            default -> Kind.LEVEL;
        };
    }

    private static long instant(String id, String at, JsonNode text) {
        if (!text.isTextual()) {
            throw malformed(id, at, "no start time");
        }
        try {
            return OffsetDateTime.parse(text.asText()).toInstant().toEpochMilli();
        } catch (DateTimeParseException ex) {
            throw malformed(id, at, "'" + text.asText() + "' is not an ISO 8601 date-time with its offset");
        }
    }

    /** An ISO 8601 duration, or null when absent. */
    private static Duration duration(String id, String at, JsonNode text) {
        if (text.isMissingNode() || text.isNull()) {
            return null;
        }
        try {
            return Duration.parse(text.asText());
        } catch (DateTimeParseException ex) {
            throw malformed(id, at, "'" + text.asText() + "' is not an ISO 8601 duration such as PT30M");
        }
    }

    private static MalformedEventException malformed(String id, String field, String what) {
        return new MalformedEventException("OpenADR event " + id + ": " + field + " " + what);
    }
}
