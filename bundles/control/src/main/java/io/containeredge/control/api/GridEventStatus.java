package io.containeredge.control.api;

/**
 * One event as the controller holds it now.
 *
 * @param state where it stands
 * @param targetKw the import it allows now (NaN unless active)
 * @param reason for people, e.g. "import limit 600 kW from 14:00, baseline 1,020 kW" or why it was refused
 * @param optOut why the container cannot meet it (e.g. the AI tenants' floors and the auxiliaries draw more than it
 *     allows), said as soon as it is known and sent back to its sender; empty when it can
 * @param performance so far while active, final once completed; null before it starts
 */
public record GridEventStatus(GridEvent event, State state, double targetKw, String reason, String optOut,
        EventPerformance performance) {

    public enum State {
        UPCOMING,
        ACTIVE,
        COMPLETED,
        CANCELLED
    }
}
