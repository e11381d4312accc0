package io.containeredge.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.economics.PriceSlots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a price CSV: formats accepted, and every error naming its line. */
class PriceSeriesTest {

    @TempDir
    Path dir;

    private Path csv(String... lines) throws IOException {
        return Files.writeString(dir.resolve("prices.csv"), String.join("\n", lines) + "\n");
    }

    /** The file of these lines is refused with a message that contains {@code expected}. */
    private void assertRefused(String expected, String... lines) throws IOException {
        Path file = csv(lines);
        String message = assertThrows(IllegalArgumentException.class, () -> PriceSeries.read(file)).getMessage();
        assertTrue(message.contains(expected), message);
    }

    @Test
    void isoTimesWithAHeaderGiveFifteenMinuteSlots() throws IOException {
        List<PriceSlots.Slot> slots = PriceSeries.read(csv("timestamp,usd_per_mwh", "2026-01-01T00:00:00Z,41.5",
                "2026-01-01T00:15:00Z,-12", "2026-01-01T00:30:00Z,3000"));
        assertEquals(3, slots.size());
        assertEquals(Instant.parse("2026-01-01T00:15:00Z").toEpochMilli(), slots.get(1).startMillis());
        assertEquals(Duration.ofMinutes(15), slots.get(1).length());
        assertEquals(-12, slots.get(1).usdPerMwh());
        assertEquals(3000, slots.get(2).usdPerMwh());
    }

    @Test
    void epochSecondsAndOffsetsWithoutAHeaderGiveFiveMinuteSlots() throws IOException {
        List<PriceSlots.Slot> slots = PriceSeries.read(csv("1767225600,20", "2026-01-01T00:05:00Z,21",
                "2025-12-31T18:10:00-06:00,22"));
        assertEquals(3, slots.size());
        assertEquals(Duration.ofMinutes(5), slots.get(0).length());
        assertEquals(Instant.parse("2026-01-01T00:10:00Z").toEpochMilli(), slots.get(2).startMillis());
    }

    @Test
    void aMissingSlotIsAnErrorNamingItsLine() throws IOException {
        assertRefused("line 4: missing slot from 2026-01-01T00:30:00Z", "timestamp,usd_per_mwh",
                "2026-01-01T00:00:00Z,40", "2026-01-01T00:15:00Z,41", "2026-01-01T00:45:00Z,42");
    }

    @Test
    void aDuplicateIsAnErrorNamingBothLines() throws IOException {
        assertRefused("line 3: duplicate of line 2", "2026-01-01T00:00:00Z,40", "2026-01-01T00:15:00Z,41",
                "2026-01-01T00:15:00Z,41");
    }

    @Test
    void aBadNumberIsAnErrorNamingItsLine() throws IOException {
        assertRefused("line 2: '4O' is not a price in USD/MWh", "2026-01-01T00:00:00Z,40", "2026-01-01T00:15:00Z,4O");
    }

    @Test
    void aTimeWithoutAnOffsetIsNotGuessed() throws IOException {
        assertRefused("line 2: '2026-01-01T00:15:00' is not a timestamp", "2026-01-01T00:00:00Z,40",
                "2026-01-01T00:15:00,41");
    }

    @Test
    void theSlotLengthMustBeFiveOrFifteenMinutes() throws IOException {
        assertRefused("line 2: starts 3600 s after line 1: slots are 5 or 15 minutes long", "2026-01-01T00:00:00Z,40",
                "2026-01-01T01:00:00Z,41");
    }

    @Test
    void aPriceOutOfTheSitesRangeOrAWrongColumnCountNamesItsLine() throws IOException {
        assertRefused("line 2: 25000 is not a price in USD/MWh from -1000 to 20000", "2026-01-01T00:00:00Z,40",
                "2026-01-01T00:15:00Z,25000");
        assertRefused("line 1: expected 2 columns", "2026-01-01T00:00:00Z,40,1", "2026-01-01T00:15:00Z,41");
    }

    @Test
    void aStepBackInTimeIsAnError() throws IOException {
        assertRefused("line 3: 2026-01-01T00:20:00Z is not 15 minutes after line 2", "2026-01-01T00:00:00Z,40",
                "2026-01-01T00:15:00Z,41", "2026-01-01T00:20:00Z,41");
    }
}
