package io.containeredge.control.openadr;

import io.containeredge.control.api.GridEvent;
import java.util.List;

/** An OpenADR event as the VEN read it: a limit or price event for the controller, or a grid alert. */
sealed interface VtnEvent {

    /** The VTN's id of the event. */
    String vtnId();

    String programId();

    /** A limit, level or price event, mapped onto the controller's event. */
    record Limit(String vtnId, String programId, GridEvent event) implements VtnEvent {
    }

    /**
     * An {@code ALERT_*} event: the grid asks for less load in these windows (wall clock, start and end).
     *
     * @param type the payload type, e.g. {@code ALERT_FLEX_ALERT}
     */
    record Alert(String vtnId, String programId, String type, List<Window> windows) implements VtnEvent {
    }

    record Window(long startMillis, long endMillis) {
    }
}
