package io.containeredge.control.planner;

import io.containeredge.control.slots.SlotSearch;
import java.util.List;
import java.util.Optional;

/**
 * A received on-site generation forecast: 15-minute slots, sorted and contiguous (checked by
 * {@link ForecastUpdates}). Used only within its slots: elsewhere the planner falls back to the persistence
 * forecast of {@link PvHistory}.
 *
 * @param receivedAtMillis wall-clock time it was received
 * @param source who sent it ("mqtt:ops/...", "file:...")
 */
public record GenerationForecast(List<Slot> slots, long receivedAtMillis, String source) {

    public static final GenerationForecast NONE = new GenerationForecast(List.of(), 0, "none");

    /** One slot: its generation and, NaN when not forecast, its ambient temperature. */
    public record Slot(long startMillis, long endMillis, double pvKw, double ambientC) {
    }

    public GenerationForecast {
        slots = List.copyOf(slots);
    }

    /** The slot covering a wall-clock time, if any. */
    public Optional<Slot> at(long wallMillis) {
        return SlotSearch.covering(slots, wallMillis, Slot::startMillis, Slot::endMillis);
    }
}
