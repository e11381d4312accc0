package io.containeredge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.http.api.Json;
import java.util.List;

/**
 * The grid services as JSON, built field by field: the shapes hold {@code Optional}s and a {@code Duration}, which
 * the API's plain mapper does not write. Times are epoch milliseconds, NaN and infinite numbers null
 * ({@link FiniteJson}).
 */
final class GridJson {

    private GridJson() {
    }

    /** {@code {timestampMillis, frequency, peaks, binding, events}}; the parts a site does not have are null. */
    static ObjectNode grid(GridStatus g) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("timestampMillis", g.timestampMillis());
        root.set("frequency", g.frequency().<JsonNode>map(Json.MAPPER::valueToTree).orElse(null));
        root.set("peaks", g.peaks().<JsonNode>map(Json.MAPPER::valueToTree).orElse(null));
        root.put("binding", g.binding().orElse(null));
        ArrayNode events = root.putArray("events");
        g.events().forEach(e -> events.add(event(e)));
        return (ObjectNode) FiniteJson.of(root);
    }

    /** {@code {timestampMillis, upcoming, active, past}}: the events by state, each list by start. */
    static ObjectNode events(GridStatus g) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("timestampMillis", g.timestampMillis());
        add(root.putArray("upcoming"), g.events(), List.of(GridEventStatus.State.UPCOMING));
        add(root.putArray("active"), g.events(), List.of(GridEventStatus.State.ACTIVE));
        add(root.putArray("past"), g.events(),
                List.of(GridEventStatus.State.COMPLETED, GridEventStatus.State.CANCELLED));
        return root;
    }

    private static void add(ArrayNode list, List<GridEventStatus> events, List<GridEventStatus.State> states) {
        events.stream().filter(e -> states.contains(e.state())).forEach(e -> list.add(event(e)));
    }

    /**
     * One event with where it stands and its performance (null before it starts), and {@code csv}: where its
     * per-second compliance downloads.
     */
    static ObjectNode event(GridEventStatus s) {
        GridEvent e = s.event();
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", e.id());
        n.put("name", e.name());
        n.put("source", e.source());
        n.put("state", s.state().name());
        n.put("notifiedMillis", e.notifiedMillis());
        n.put("startMillis", e.startMillis());
        n.put("endMillis", e.endMillis());
        n.put("rampSeconds", e.ramp().toSeconds());
        ArrayNode intervals = n.putArray("intervals");
        for (EventInterval in : e.intervals()) {
            intervals.addObject().put("startMillis", in.startMillis()).put("endMillis", in.endMillis())
                    .put("kind", in.target().kind().name()).put("value", in.target().value());
        }
        n.put("targetKw", s.targetKw());
        n.put("reason", s.reason());
        n.put("optOut", s.optOut());
        n.set("performance", s.performance() == null ? null : Json.MAPPER.valueToTree(s.performance()));
        n.put("csv", "/api/v1/events/" + e.id() + "/performance.csv");
        return (ObjectNode) FiniteJson.of(n);
    }
}
