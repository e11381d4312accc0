package io.containeredge.control.api;

import java.util.List;
import java.util.Optional;

/**
 * The container's grid services as the controller last acted on them.
 *
 * @param timestampMillis wall-clock time of the control cycle it describes
 * @param frequency the under-frequency guard; empty when the site has none
 * @param peaks the coincident-peak windows; empty when the site configures none
 * @param events upcoming, active and past events (the past ones of the last 30 days), by start
 * @param binding the event or window that binds the container now (its verdict's text); empty when none
 */
public record GridStatus(long timestampMillis, Optional<FrequencyStatus> frequency, Optional<PeakStatus> peaks,
        List<GridEventStatus> events, Optional<String> binding) {

    public GridStatus {
        events = List.copyOf(events);
    }
}
