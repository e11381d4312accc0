package io.containeredge.backtest;

import io.containeredge.control.economics.EconomicUpdates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The {@code --hashprice} argument: one number (USD per TH/s per day, for the whole replay) or a CSV
 * {@code timestamp,usd_per_th_day} (see {@link CsvSeries}), a step function: each value holds from its time
 * until the next line's. Times must rise strictly.
 */
final class HashpriceSeries {

    private HashpriceSeries() {
    }

    /** @throws IllegalArgumentException naming the file and line of the first error, or the bad number */
    static NavigableMap<Long, Double> parse(String arg) throws IOException {
        NavigableMap<Long, Double> steps = new TreeMap<>();
        if (looksLikeNumber(arg)) {
            double v = Double.parseDouble(arg);
            if (!(v >= 0 && v <= EconomicUpdates.MAX_USD_PER_TH_DAY)) {
                throw new IllegalArgumentException("--hashprice " + arg + ": USD/TH/day from 0 to "
                        + EconomicUpdates.MAX_USD_PER_TH_DAY);
            }
            steps.put(Long.MIN_VALUE, v);
            return steps;
        }
        CsvSeries csv = new CsvSeries(Path.of(arg));
        List<CsvSeries.Row> rows = csv.rows("hashprice in USD/TH/day", 0, EconomicUpdates.MAX_USD_PER_TH_DAY);
        CsvSeries.Row previous = null;
        for (CsvSeries.Row r : rows) {
            if (previous != null && r.epochMillis() <= previous.epochMillis()) {
                throw csv.error(r.line(), "not later than line " + previous.line() + ": times must rise");
            }
            steps.put(r.epochMillis(), r.value());
            previous = r;
        }
        return steps;
    }

    private static boolean looksLikeNumber(String arg) {
        try {
            Double.parseDouble(arg);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
