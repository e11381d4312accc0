package io.containeredge.control.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding the slot that covers a time among many, with a gap. */
class PriceSlotsTest {

    static final long SLOT = Duration.ofMinutes(15).toMillis();

    /** A day of 15-minute slots from time 0, slot i priced i USD/MWh, without slots 40 and 41. */
    private static PriceSlots dayWithAGap() {
        List<PriceSlots.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            if (i != 40 && i != 41) {
                slots.add(new PriceSlots.Slot(i * SLOT, Duration.ofMinutes(15), i));
            }
        }
        return new PriceSlots(slots, 0);
    }

    @Test
    void eachTimeIsPricedByTheSlotThatCoversIt() {
        PriceSlots day = dayWithAGap();
        for (int i = 0; i < 96; i++) {
            if (i == 40 || i == 41) {
                continue;
            }
            assertEquals(i, day.at(i * SLOT).orElseThrow().usdPerMwh(), "start of slot " + i);
            assertEquals(i, day.at((i + 1) * SLOT - 1).orElseThrow().usdPerMwh(), "end of slot " + i);
        }
    }

    @Test
    void noSlotCoversAGapOrATimeBeforeOrAfterTheSlots() {
        PriceSlots day = dayWithAGap();
        assertTrue(day.at(40 * SLOT).isEmpty());
        assertTrue(day.at(42 * SLOT - 1).isEmpty());
        assertTrue(day.at(-1).isEmpty());
        assertTrue(day.at(96 * SLOT).isEmpty());
        assertTrue(PriceSlots.NONE.at(0).isEmpty());
    }
}
