package io.containeredge.backtest;

import io.containeredge.control.economics.EconomicUpdates;
import io.containeredge.control.economics.PriceSlots;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A price CSV ({@code timestamp,usd_per_mwh}, see {@link CsvSeries}) as price slots. The slot length comes from
 * the data: the first two timestamps, 5 or 15 minutes apart; every later line must start where the one before
 * ends. A missing slot, a duplicate, a step back in time is an error that names the line: nothing is filled in.
 */
final class PriceSeries {

    private static final List<Duration> LENGTHS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15));

    private PriceSeries() {
    }

    /** @throws IllegalArgumentException naming the file and line of the first error */
    static List<PriceSlots.Slot> read(Path file) throws IOException {
        CsvSeries csv = new CsvSeries(file);
        List<CsvSeries.Row> rows = csv.rows("price in USD/MWh", EconomicUpdates.MIN_USD_PER_MWH,
                EconomicUpdates.MAX_USD_PER_MWH);
        if (rows.size() < 2) {
            throw csv.error(rows.get(0).line(), "one price: at least two are needed to know the slot length");
        }
        CsvSeries.Row first = rows.get(0);
        CsvSeries.Row second = rows.get(1);
        Duration length = Duration.ofMillis(second.epochMillis() - first.epochMillis());
        if (!LENGTHS.contains(length)) {
            throw csv.error(second.line(), "starts " + describe(length) + " after line " + first.line()
                    + ": slots are 5 or 15 minutes long");
        }
        List<PriceSlots.Slot> slots = new ArrayList<>(rows.size());
        CsvSeries.Row previous = null;
        for (CsvSeries.Row r : rows) {
            if (previous != null) {
                follows(csv, previous, r, length);
            }
            slots.add(new PriceSlots.Slot(r.epochMillis(), length, r.value()));
            previous = r;
        }
        return slots;
    }

    private static void follows(CsvSeries csv, CsvSeries.Row previous, CsvSeries.Row r, Duration length) {
        long expected = previous.epochMillis() + length.toMillis();
        if (r.epochMillis() == previous.epochMillis()) {
            throw csv.error(r.line(), "duplicate of line " + previous.line() + " (" + at(r) + ")");
        }
        if (r.epochMillis() < expected) {
            throw csv.error(r.line(), at(r) + " is not " + length.toMinutes() + " minutes after line "
                    + previous.line() + " (" + at(previous) + ")");
        }
        if (r.epochMillis() > expected) {
            long missing = (r.epochMillis() - expected) / length.toMillis();
            throw csv.error(r.line(), "missing slot" + (missing == 1 ? "" : "s") + " from "
                    + Instant.ofEpochMilli(expected) + " (line " + previous.line() + " is " + at(previous)
                    + ", this line " + at(r) + ")");
        }
    }

    private static Instant at(CsvSeries.Row r) {
        return Instant.ofEpochMilli(r.epochMillis());
    }

    private static String describe(Duration d) {
        return d.isNegative() || d.isZero() ? d.toSeconds() + " s (not later)" : d.toSeconds() + " s";
    }
}
