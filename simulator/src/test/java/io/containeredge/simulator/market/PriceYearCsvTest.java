package io.containeredge.simulator.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A price year from its CSV: the time-of-year lookup, and every bad file refused whole with its line. */
class PriceYearCsvTest {

    static final String HEAD = "timestamp,usd_per_mwh\n";

    private static long at(String utc) {
        return Instant.parse(utc).toEpochMilli();
    }

    private static ConfigError refused(String csv) {
        ConfigException e = assertThrows(ConfigException.class, () -> PriceYearCsv.parse("p.csv", csv));
        assertEquals(1, e.errors().size());
        return e.errors().get(0);
    }

    @Test
    void aTimeMapsToTheSameTimeOfYearAndShortFilesRepeat() throws Exception {
        PriceYear y = PriceYearCsv.parse("p.csv", HEAD + "2026-01-01T00:00:00Z,10\n2026-01-01T00:15:00Z,20\n\n"
                + "2026-01-01T00:30:00Z,30.5\n");
        assertEquals(3, y.slots());
        assertEquals(10, y.priceAt(at("2031-01-01T00:14:59Z")));
        assertEquals(20, y.priceAt(at("2031-01-01T00:15:00Z")));
        assertEquals(30.5, y.priceAt(at("2031-01-01T00:44:00Z")));
        assertEquals(10, y.priceAt(at("2031-01-01T00:45:00Z")), "the file repeats");
    }

    @Test
    void theSampleYearIsAWholeYear() throws Exception {
        PriceYear y = PriceYear.sample();
        assertEquals(365 * 96, y.slots());
        assertEquals(54.13, y.priceAt(at("2030-01-01T00:10:00Z")), "its first line");
        assertEquals(51.66, y.priceAt(at("2030-12-31T23:50:00Z")), "its last line");
    }

    @Test
    void aHoleIsRefusedNamingItsLine() {
        ConfigError e = refused(HEAD + "2026-01-01T00:00:00Z,10\n2026-01-01T00:30:00Z,20\n");
        assertEquals("line 3", e.path());
        assertEquals("p.csv", e.file());
        assertEquals("2026-01-01T00:30:00Z is not 15 minutes after the line before: expected 2026-01-01T00:15:00Z"
                + " (a hole)", e.reason());
    }

    @Test
    void badLinesAreRefusedNamingThem() {
        assertEquals("line 3", refused(HEAD + "2026-01-01T00:00:00Z,10\n2026-01-01T00:15:00Z,ten\n").path());
        assertEquals("line 2", refused(HEAD + "2026-01-01T00:00:00Z;10\n").path());
        assertEquals("line 2", refused(HEAD + "2026-01-01 00:00,10\n").path());
        assertEquals("line 2", refused(HEAD + "2026-01-01T00:00:00Z,25000\n").path());
        assertEquals("line 2", refused(HEAD + "2026-03-01T00:00:00Z,10\n").path(), "must start on 1 January");
        assertEquals("line 3", refused(HEAD + "2026-01-01T00:00:00Z,10\n2026-01-01T00:00:00Z,10\n").path(),
                "a duplicate");
        assertEquals("$", refused(HEAD).path(), "no prices");
    }
}
