package io.containeredge.simulator.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.modbus.config.ConfigException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The price file: 5-minute slots from the one covering now to 47.5 h ahead, the demo's step prices in the step
 * window, the price year's 15-minute prices (three 5-minute slots each) at the same time of year after it.
 */
class AheadPricesTest {

    static final long MINUTE = 60_000;
    /** 2027-03-10 08:02 UTC; the steps start then, so 08:00-08:05 is 40, 08:05 100, 08:10 160, 08:15 400. */
    static final long START = Instant.parse("2027-03-10T08:02:00Z").toEpochMilli();

    private final PriceYear year;

    AheadPricesTest() throws ConfigException {
        year = PriceYear.sample();
    }

    private static JsonNode slots(String file) throws Exception {
        return new ObjectMapper().readTree(file).get("slots");
    }

    private static double sampleAt(String utcIn2026) throws ConfigException {
        return PriceYear.sample().priceAt(Instant.parse(utcIn2026).toEpochMilli());
    }

    @Test
    void theFileCoversNowTo47AndAHalfHoursInContiguousFiveMinuteSlots() throws Exception {
        long now = START + 9 * MINUTE; // 08:11, in the 08:10 slot
        JsonNode slots = slots(AheadPrices.stepsThenYear(new DemoPriceSchedule(START), year).fileAt(now));
        assertEquals(570, slots.size());
        long slot0 = START - 2 * MINUTE + 10 * MINUTE;
        for (int i = 0; i < slots.size(); i++) {
            assertEquals(slot0 + i * 5 * MINUTE, slots.get(i).get("start").asLong(), "contiguous at " + i);
            assertEquals(5, slots.get(i).get("minutes").asInt());
        }
        long end = slots.get(569).get("start").asLong() + 5 * MINUTE;
        assertTrue(end - now <= Duration.ofHours(48).toMillis() && end - now > Duration.ofHours(47).toMillis());
    }

    @Test
    void theStepWindowHasTheStepPricesAndTheRestTheYearsAtTheSameTimeOfYear() throws Exception {
        long now = START + 9 * MINUTE;
        JsonNode slots = slots(AheadPrices.stepsThenYear(new DemoPriceSchedule(START), year).fileAt(now));
        assertEquals(160.0, slots.get(0).get("usdPerMwh").asDouble(), "the step now");
        assertEquals(400.0, slots.get(1).get("usdPerMwh").asDouble(), "and the next step");
        // 08:20 on 10 March 2027 is the 2026 file's 08:15 slot of 10 March: its three 5-minute slots 08:15, :20, :25
        assertEquals(sampleAt("2026-03-10T08:15:00Z"), slots.get(2).get("usdPerMwh").asDouble(), 0.005);
        assertEquals(sampleAt("2026-03-10T08:15:00Z"), slots.get(3).get("usdPerMwh").asDouble(), 0.005);
        assertEquals(sampleAt("2026-03-10T08:30:00Z"), slots.get(4).get("usdPerMwh").asDouble(), 0.005);
        assertEquals(sampleAt("2026-03-11T08:10:00Z"), slots.get(288).get("usdPerMwh").asDouble(), 0.005,
                "a day later");
    }

    @Test
    void withoutStepsEverySlotIsTheYears() throws Exception {
        long now = START + 9 * MINUTE;
        JsonNode slots = slots(AheadPrices.yearOnly(year).fileAt(now));
        assertEquals(sampleAt("2026-03-10T08:00:00Z"), slots.get(0).get("usdPerMwh").asDouble(), 0.005);
        assertEquals(sampleAt("2026-03-10T08:15:00Z"), slots.get(1).get("usdPerMwh").asDouble(), 0.005);
    }
}
