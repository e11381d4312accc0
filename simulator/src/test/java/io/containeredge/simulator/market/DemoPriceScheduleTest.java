package io.containeredge.simulator.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's price steps: on the 5 minutes from the feed's start, a 30-minute cycle, written 2 h ahead. */
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

    @Test
    void theFileIsAPriceUpdatesParamsFromTheSlotCoveringNowTwoHoursAhead() throws Exception {
        long now = START + 9 * MINUTE; // 08:11, in the 08:10 slot
        JsonNode slots = new ObjectMapper().readTree(schedule.fileAt(now)).get("slots");
        assertEquals(Duration.ofHours(2).toMinutes() / 5, slots.size());
        long slot0 = START - 2 * MINUTE + 10 * MINUTE;
        assertEquals(slot0, slots.get(0).get("start").asLong());
        assertEquals(5, slots.get(0).get("minutes").asInt());
        assertEquals(160.0, slots.get(0).get("usdPerMwh").asDouble());
        assertEquals(slot0 + 5 * MINUTE, slots.get(1).get("start").asLong(), "contiguous");
        assertEquals(400.0, slots.get(1).get("usdPerMwh").asDouble());
    }
}
