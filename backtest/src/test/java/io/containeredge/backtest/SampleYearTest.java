package io.containeredge.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.economics.PriceSlots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped sample year is what its documented command makes, and has the features it is made for. */
class SampleYearTest {

    @Test
    void theShippedFileIsSampleYear2026Seed13() throws IOException {
        ByteArrayOutputStream made = new ByteArrayOutputStream();
        SampleYear.write(2026, 13, new PrintStream(made, true, StandardCharsets.UTF_8));
        assertEquals(Files.readString(Sites.SAMPLE_YEAR), made.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aYearOfFifteenMinuteSlotsWithNegativeHoursAndScarcitySpikes() throws IOException {
        List<PriceSlots.Slot> year = PriceSeries.read(Sites.SAMPLE_YEAR);
        assertEquals(365 * 96, year.size());
        long negative = year.stream().filter(s -> s.usdPerMwh() < 0).count();
        long thousands = year.stream().filter(s -> s.usdPerMwh() >= 1000).count();
        assertTrue(negative > year.size() / 50, negative + " negative slots");
        assertTrue(thousands > 0, "no spike to thousands");
    }
}
