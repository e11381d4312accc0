package io.containeredge.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A two-column CSV of {@code timestamp,value} rows, as the backtest reads prices and hashprices: the timestamp in
 * ISO 8601 with its offset ({@code 2026-01-01T00:00:00Z}, {@code 2026-01-01T06:00:00-06:00}) or in epoch seconds;
 * an optional header on the first line (its first column named {@code timestamp}); blank lines ignored. Nothing is
 * guessed: a time without an offset, a bad number or a value out of range is an error that names its line.
 */
final class CsvSeries {

    /** One data line: its line number in the file (from 1), its time and its value. */
    record Row(int line, long epochMillis, double value) {
    }

    private final Path file;

    CsvSeries(Path file) {
        this.file = file;
    }

    /**
     * The data rows in file order.
     *
     * @param what the value's name and unit for messages, e.g. "price in USD/MWh"
     * @throws IllegalArgumentException naming the file and line of the first error
     */
    List<Row> rows(String what, double min, double max) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || i == 0 && isHeader(line)) {
                continue;
            }
            rows.add(row(i + 1, line, what, min, max));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no data lines (timestamp,value)");
        }
        return rows;
    }

    /** An error at a line of this file: "prices.csv line 12: ...". */
    IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException(file + " line " + line + ": " + message);
    }

    private static boolean isHeader(String line) {
        return line.split(",", -1)[0].strip().toLowerCase(Locale.ROOT).equals("timestamp");
    }

    private Row row(int number, String line, String what, double min, double max) {
        String[] fields = line.split(",", -1);
        if (fields.length != 2) {
            throw error(number, "expected 2 columns (timestamp," + what + "), found " + fields.length + ": '" + line
                    + "'");
        }
        long millis = timestamp(number, fields[0].strip());
        String text = fields[1].strip();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(number, "'" + text + "' is not a " + what);
        }
        if (!(value >= min && value <= max)) {
            throw error(number, text + " is not a " + what + " from " + fmt(min) + " to " + fmt(max));
        }
        return new Row(number, millis, value);
    }

    private long timestamp(int number, String text) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            try {
                return Math.multiplyExact(Long.parseLong(text), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                throw error(number, "'" + text + "' is out of range for epoch seconds");
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException again) {
                throw error(number, "'" + text + "' is not a timestamp: ISO 8601 with an offset (e.g."
                        + " 2026-01-01T00:00:00Z) or epoch seconds");
            }
        }
    }

    private static String fmt(double v) {
        return v % 1 == 0 ? Long.toString((long) v) : Double.toString(v);
    }
}
