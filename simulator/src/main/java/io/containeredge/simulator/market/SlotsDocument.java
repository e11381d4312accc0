package io.containeredge.simulator.market;

import java.util.List;

/** The {@code {"slots": [...]}} document the feeds write, one slot object a line so that people can read it. */
final class SlotsDocument {

    private SlotsDocument() {
    }

    static String of(List<String> slotObjects) {
        return "{\"slots\": [\n  " + String.join(",\n  ", slotObjects) + "\n]}\n";
    }
}
