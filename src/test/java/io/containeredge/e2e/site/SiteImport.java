package io.containeredge.e2e.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The site's import second by second, summed over every container's {@link ImportRecord}: what the POI meter would
 * read less the auxiliaries. A container without a sample in some second (a gateway reports every 2 s) counts with
 * its last earlier one.
 */
final class SiteImport {

    /** One second above the limit: when, by how much, and the sum. */
    record Excess(long second, double importKw, double limitKw) {
    }

    private SiteImport() {
    }

    /** The seconds in [fromSecond, toSecond] whose summed import exceeds {@code limitKw}. */
    static List<Excess> above(List<ImportRecord> records, long fromSecond, long toSecond, double limitKw) {
        double[] sums = sums(records, fromSecond, toSecond);
        List<Excess> excess = new ArrayList<>();
        for (int i = 0; i < sums.length; i++) {
            if (sums[i] > limitKw) {
                excess.add(new Excess(fromSecond + i, sums[i], limitKw));
            }
        }
        return excess;
    }

    /** The highest summed import of any second in [fromSecond, toSecond]. */
    static double highest(List<ImportRecord> records, long fromSecond, long toSecond) {
        double highest = 0;
        for (double sum : sums(records, fromSecond, toSecond)) {
            highest = Math.max(highest, sum);
        }
        return highest;
    }

    private static double[] sums(List<ImportRecord> records, long fromSecond, long toSecond) {
        List<NavigableMap<Long, ImportRecord.Second>> all = new ArrayList<>();
        for (ImportRecord r : records) {
            all.add(r.since(fromSecond - 10));
        }
        double[] sums = new double[(int) Math.max(0, toSecond - fromSecond + 1)];
        for (int i = 0; i < sums.length; i++) {
            for (NavigableMap<Long, ImportRecord.Second> seconds : all) {
                Map.Entry<Long, ImportRecord.Second> at = seconds.floorEntry(fromSecond + i);
                sums[i] += at == null ? 0 : at.getValue().importKw();
            }
        }
        return sums;
    }

    /** The ids whose state was anything but LEASED in some second of [fromSecond, toSecond]. */
    static List<String> fellBack(Map<String, ImportRecord> records, long fromSecond, long toSecond) {
        List<String> ids = new ArrayList<>();
        records.forEach((id, record) -> {
            boolean fell = record.since(fromSecond).headMap(toSecond, true).values().stream()
                    .anyMatch(second -> !second.state().equals("LEASED"));
            if (fell) {
                ids.add(id);
            }
        });
        return ids;
    }
}
