package io.containeredge.control.api;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A demand-response event as the controller received it, from any sender (OpenADR 3 VTN, signed MQTT request). It is
 * a soft limit: it lowers what the hard limits allow, never raises anything, and outranks economics and the plan.
 *
 * @param id unique among the container's events, e.g. {@code openadr:evt-17}, {@code mqtt:dr-2026-07-14}
 * @param source who sent it, e.g. {@code openadr:https://vtn.example/openadr3}, {@code mqtt:ops/req-42}
 * @param name for people: the program or event name
 * @param notifiedMillis when the container received it (wall clock): the baseline is taken before this
 * @param ramp from the event's start the limit falls from the import of that moment to the target over this time;
 *     the seconds of the ramp are recorded but not counted
 * @param intervals sorted, not overlapping, at least one
 */
public record GridEvent(String id, String source, String name, long notifiedMillis, Duration ramp,
        List<EventInterval> intervals) {

    /**
     * What an event id may be: 1-128 letters, digits or {@code . _ : @ -}, starting with a letter or digit. Ids go into
     * file names and URLs; the controller refuses any other, and a caller may check one before it asks.
     */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    public GridEvent {
        intervals = List.copyOf(intervals);
    }

    public long startMillis() {
        return intervals.get(0).startMillis();
    }

    public long endMillis() {
        return intervals.get(intervals.size() - 1).endMillis();
    }
}
