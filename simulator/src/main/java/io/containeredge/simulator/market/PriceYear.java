package io.containeredge.simulator.market;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A year of 15-minute energy prices (a price CSV read by {@link PriceYearCsv}), looked up by the time of year: a
 * wall-clock time maps to the same day of the year and time of day (UTC) in the file, whatever year either is in.
 * A file shorter than the year repeats; day 366 of a leap year takes the file's next slots (its 1 January for a
 * 365-day file). Immutable.
 */
public final class PriceYear {

    public static final Duration SLOT = Duration.ofMinutes(15);
    /** The shipped sample year, what the demo's price feed looks ahead with by default. */
    public static final String SAMPLE = "prices/sample-year-15min.csv";

    private final double[] usdPerMwh;

    PriceYear(double[] usdPerMwh) {
        this.usdPerMwh = usdPerMwh.clone();
    }

    /** The shipped sample year ({@link #SAMPLE}). */
    public static PriceYear sample() throws ConfigException {
        String text = ConfigSource.builtInText(ConfigSource.class, SAMPLE).orElseThrow(
                () -> ConfigException.single("built-in:" + SAMPLE, "$", "not shipped"));
        return PriceYearCsv.parse("built-in:" + SAMPLE, text);
    }

    /** A price CSV of one's own (format: {@link PriceYearCsv}). */
    public static PriceYear read(Path csv) throws IOException, ConfigException {
        return PriceYearCsv.parse(csv.toString(), Files.readString(csv, StandardCharsets.UTF_8));
    }

    /** The price of the file's 15-minute slot at the same time of year as {@code wallMillis}. */
    public double priceAt(long wallMillis) {
        ZonedDateTime t = Instant.ofEpochMilli(wallMillis).atZone(ZoneOffset.UTC);
        long sinceNewYear = wallMillis - t.withDayOfYear(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant()
                .toEpochMilli();
        return usdPerMwh[(int) Math.floorMod(sinceNewYear / SLOT.toMillis(), (long) usdPerMwh.length)];
    }

    public int slots() {
        return usdPerMwh.length;
    }
}
