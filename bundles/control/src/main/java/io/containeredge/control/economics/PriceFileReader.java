package io.containeredge.control.economics;

import io.containeredge.control.api.PriceSlot;
import io.containeredge.control.slots.SlotFileJson;
import java.util.List;
import java.util.Set;

/**
 * Reads the local price file, written in the form of a {@code price.update} request's params:
 * {@code {"slots": [{"start": epoch ms or ISO-8601 with offset, "minutes": 5 or 15, "usdPerMwh": 42.5}, ...]}}.
 * Read strictly ({@link SlotFileJson}), since a program writes it. What the values must be (lengths, contiguity,
 * ranges) is checked after, on the one path of every price feed ({@code ControlService.updatePrices}).
 */
final class PriceFileReader {

    private static final Set<String> SLOT_FIELDS = Set.of("start", "minutes", "usdPerMwh");

    private PriceFileReader() {
    }

    /** @throws IllegalArgumentException naming what is wrong and where */
    static List<PriceSlot> read(String text) {
        return SlotFileJson.read(text, SLOT_FIELDS, "start, minutes, usdPerMwh", (s, where) -> new PriceSlot(
                SlotFileJson.start(s, where), SlotFileJson.integer(s, "minutes", where),
                SlotFileJson.number(s, "usdPerMwh", where)));
    }
}
