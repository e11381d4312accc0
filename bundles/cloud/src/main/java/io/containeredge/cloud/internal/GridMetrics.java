package io.containeredge.cloud.internal;

import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.FrequencyStatus;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.control.api.PeakStatus;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The grid services' node metrics: the grid frequency and the under-frequency guard's state (NORMAL, SHED,
 * RESTORING, BLIND), the active events' ids, whether a peak alert is on and whether it binds, and what binds the
 * container. Always present, so that the node's metric set does not change when the controller starts (which would
 * force a rebirth): NaN, empty strings and false while there is no grid status (before the controller's first cycle)
 * or the site has no guard or peak windows.
 */
final class GridMetrics {

    static final String FREQUENCY = "Grid/Frequency Hz";
    static final String GUARD = "Grid/Frequency Guard";
    static final String ACTIVE_EVENT = "Grid/Active Event";
    static final String PEAK_ALERT = "Grid/Peak Alert";
    static final String PEAK_BINDING = "Grid/Peak Binding";
    static final String BINDING = "Grid/Binding";

    private GridMetrics() {
    }

    /** Adds the grid metrics of {@code control} (null when there is none) to the node's. */
    static void put(Map<String, Object> metrics, ControlService control) {
        Optional<GridStatus> g = control == null ? Optional.empty() : control.grid();
        Optional<FrequencyStatus> f = g.flatMap(GridStatus::frequency);
        Optional<PeakStatus> p = g.flatMap(GridStatus::peaks);
        metrics.put(FREQUENCY, f.map(FrequencyStatus::hz).orElse(Double.NaN));
        metrics.put(GUARD, f.map(FrequencyStatus::state).orElse(""));
        metrics.put(ACTIVE_EVENT, g.map(s -> s.events().stream().filter(e -> e.state() == GridEventStatus.State.ACTIVE)
                .map(e -> e.event().id()).collect(Collectors.joining(","))).orElse(""));
        metrics.put(PEAK_ALERT, p.map(PeakStatus::alert).orElse(false));
        metrics.put(PEAK_BINDING, p.map(PeakStatus::binding).orElse(false));
        metrics.put(BINDING, g.flatMap(GridStatus::binding).orElse(""));
    }
}
