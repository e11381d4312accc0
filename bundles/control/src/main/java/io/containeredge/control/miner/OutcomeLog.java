package io.containeredge.control.miner;

import io.containeredge.control.api.CommandOutcome;
import java.util.ArrayDeque;
import java.util.List;

/** The last N command outcomes, oldest first: what the console and the logs show of recent actions. */
final class OutcomeLog {

    private final int capacity;
    private final ArrayDeque<CommandOutcome> ring;

    OutcomeLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("outcome log capacity must be > 0, got " + capacity);
        }
        this.capacity = capacity;
        this.ring = new ArrayDeque<>(capacity);
    }

    synchronized void add(CommandOutcome outcome) {
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(outcome);
    }

    synchronized List<CommandOutcome> snapshot() {
        return List.copyOf(ring);
    }
}
