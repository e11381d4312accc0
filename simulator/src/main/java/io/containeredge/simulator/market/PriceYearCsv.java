package io.containeredge.simulator.market;

import io.containeredge.modbus.config.ConfigException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a price year: {@code timestamp,usd_per_mwh} lines (header optional, blank lines skipped), the timestamps
 * ISO 8601 in UTC, the first at 00:00 on 1 January, each 15 minutes after the one before. The whole file is
 * checked before any of it is used: a bad line, a hole, a duplicate or a price the controller would refuse
 * (-1000 to 20000 USD/MWh) is an error naming its line, so a feed never writes prices from half a file.
 */
final class PriceYearCsv {

    static final double MIN_USD_PER_MWH = -1000;
    static final double MAX_USD_PER_MWH = 20_000;

    private PriceYearCsv() {
    }

    /**
     * @param name the file's name for messages
     * @throws ConfigException naming the line of the first error
     */
    static PriceYear parse(String name, String text) throws ConfigException {
        List<String> lines = text.lines().toList();
        double[] prices = new double[lines.size()];
        int n = 0;
        long expected = Long.MIN_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || i == 0 && line.startsWith("timestamp")) {
                continue;
            }
            String where = "line " + (i + 1);
            String[] fields = line.split(",", -1);
            if (fields.length != 2) {
                throw error(name, where, "expected 'timestamp,usd_per_mwh', got '" + line + "'");
            }
            long at = timestamp(name, where, fields[0].strip());
            if (expected == Long.MIN_VALUE) {
                checkNewYear(name, where, at);
            } else if (at != expected) {
                throw error(name, where, fields[0].strip() + " is not 15 minutes after the line before: expected "
                        + Instant.ofEpochMilli(expected) + (at > expected ? " (a hole)" : ""));
            }
            prices[n++] = price(name, where, fields[1].strip());
            expected = at + PriceYear.SLOT.toMillis();
        }
        if (n == 0) {
            throw error(name, "$", "no prices (timestamp,usd_per_mwh lines)");
        }
        return new PriceYear(Arrays.copyOf(prices, n));
    }

    private static long timestamp(String name, String where, String text) throws ConfigException {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw error(name, where, "'" + text + "' is not a UTC time like 2026-01-01T00:15:00Z");
        }
    }

    private static void checkNewYear(String name, String where, long at) throws ConfigException {
        var t = Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC);
        if (t.getDayOfYear() != 1 || t.toLocalTime().toSecondOfDay() != 0) {
            throw error(name, where, "the first price must be at 00:00 UTC on 1 January, got " + t.toInstant());
        }
    }

    private static double price(String name, String where, String text) throws ConfigException {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(name, where, "'" + text + "' is not a price in USD/MWh");
        }
        if (!(v >= MIN_USD_PER_MWH && v <= MAX_USD_PER_MWH)) {
            throw error(name, where, text + " USD/MWh is outside " + MIN_USD_PER_MWH + " .. " + MAX_USD_PER_MWH);
        }
        return v;
    }

    /** "prices.csv: line 12: ...". */
    private static ConfigException error(String name, String where, String reason) {
        return ConfigException.single(name, where, reason);
    }
}
