package io.containeredge.simulator.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's price steps: on the 5 minutes from the feed's start, a 30-minute cycle. */
class DemoPriceScheduleTest {

    static final long MINUTE = 60_000;
    /** 08:02 UTC: the first slot starts at 08:00. */
    static final long START = 1_800_000_000_000L + 2 * MINUTE;

    private final DemoPriceSchedule schedule = new DemoPriceSchedule(START);

    @Test
    void thePricesStepEveryFiveMinutesThroughTheCycleFromTheSlotOfTheStart() {
        long first = START - 2 * MINUTE;
        List<Double> prices = new ArrayList<>();
        for (long t = first; t < first + 35 * MINUTE; t += 5 * MINUTE) {
            prices.add(schedule.priceAt(t + MINUTE));
        }
        assertEquals(List.of(40.0, 100.0, 160.0, 400.0, 40.0, 40.0, 40.0), prices);
        assertEquals(40, schedule.priceAt(first + 5 * MINUTE - 1));
        assertEquals(100, schedule.priceAt(first + 5 * MINUTE));
    }
}
