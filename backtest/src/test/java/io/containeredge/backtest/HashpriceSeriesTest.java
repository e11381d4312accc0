package io.containeredge.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hashprice: a number for the whole replay, or a step function from a CSV. */
class HashpriceSeriesTest {

    @TempDir
    Path dir;

    @Test
    void aNumberHoldsAtAllTimes() throws IOException {
        NavigableMap<Long, Double> h = HashpriceSeries.parse("0.045");
        assertEquals(0.045, h.floorEntry(Instant.parse("2026-06-01T00:00:00Z").toEpochMilli()).getValue());
    }

    @Test
    void aCsvIsAStepFunction() throws IOException {
        Path csv = Files.writeString(dir.resolve("h.csv"), "timestamp,usd_per_th_day\n2026-01-01T00:00:00Z,0.05\n"
                + "2026-01-02T00:00:00Z,0.04\n");
        NavigableMap<Long, Double> h = HashpriceSeries.parse(csv.toString());
        assertEquals(0.05, h.floorEntry(Instant.parse("2026-01-01T23:59:59Z").toEpochMilli()).getValue());
        assertEquals(0.04, h.floorEntry(Instant.parse("2026-01-05T00:00:00Z").toEpochMilli()).getValue());
    }

    @Test
    void timesMustRiseAndNumbersBeHashprices() throws IOException {
        Path csv = Files.writeString(dir.resolve("h.csv"), "2026-01-02T00:00:00Z,0.05\n2026-01-01T00:00:00Z,0.04\n");
        String message = assertThrows(IllegalArgumentException.class, () -> HashpriceSeries.parse(csv.toString()))
                .getMessage();
        assertTrue(message.contains("line 2: not later than line 1"), message);
        assertThrows(IllegalArgumentException.class, () -> HashpriceSeries.parse("-1"));
    }
}
