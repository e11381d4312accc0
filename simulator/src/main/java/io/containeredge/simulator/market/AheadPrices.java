package io.containeredge.simulator.market;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The price file a feed writes: 5-minute slots from the one covering now to 47.5 hours ahead (570 slots: the
 * controller takes at most 600, none ending more than 48 h ahead), in the form the controller's price file reader
 * takes, {@code {"slots": [{"start": epoch ms, "minutes": 5, "usdPerMwh": 42.5}, ...]}}. The prices come from a
 * {@link PriceYear} (each 15-minute price covers three 5-minute slots), except, with the demo's steps, the step
 * window: the slot covering now and the next one at {@link DemoPriceSchedule}'s step prices, so that the live
 * price steps as the demo shows while the planner sees a day-ahead market's shape further out (the next slot too,
 * so that a file not yet rewritten at a step still has the step's price for it). Pure.
 */
public final class AheadPrices {

    public static final Duration SLOT = Duration.ofMinutes(5);
    public static final int SLOTS = 570;
    /** Slots at the step prices: the one covering now and the next. */
    static final int STEP_WINDOW = 2;

    private final Optional<DemoPriceSchedule> steps;
    private final PriceYear year;

    private AheadPrices(Optional<DemoPriceSchedule> steps, PriceYear year) {
        this.steps = steps;
        this.year = year;
    }

    /** The demo's: the step prices now, the year's ahead. */
    public static AheadPrices stepsThenYear(DemoPriceSchedule steps, PriceYear year) {
        return new AheadPrices(Optional.of(steps), year);
    }

    /** The year's prices alone, for sites and tests without the demo's steps. */
    public static AheadPrices yearOnly(PriceYear year) {
        return new AheadPrices(Optional.empty(), year);
    }

    /** The price of the slot starting at {@code slotStart}, {@code index} slots after the one covering now. */
    double priceOf(int index, long slotStart) {
        return steps.isPresent() && index < STEP_WINDOW ? steps.get().priceAt(slotStart) : year.priceAt(slotStart);
    }

    /** The file's text at {@code wallMillis}. */
    public String fileAt(long wallMillis) {
        long first = wallMillis - Math.floorMod(wallMillis, SLOT.toMillis());
        List<String> slots = new ArrayList<>(SLOTS);
        for (int i = 0; i < SLOTS; i++) {
            long t = first + i * SLOT.toMillis();
            slots.add(String.format(Locale.ROOT, "{\"start\": %d, \"minutes\": %d, \"usdPerMwh\": %.2f}", t,
                    SLOT.toMinutes(), priceOf(i, t)));
        }
        return SlotsDocument.of(slots);
    }
}
