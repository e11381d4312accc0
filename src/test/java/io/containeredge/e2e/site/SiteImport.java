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
        List<NavigableMap<Long, ImportRecord.Second>> all = new ArrayList<>();
        for (ImportRecord r : records) {
            all.add(r.since(fromSecond - 10));
        }
        List<Excess> excess = new ArrayList<>();
        for (long s = fromSecond; s <= toSecond; s++) {
            double sum = 0;
            for (NavigableMap<Long, ImportRecord.Second> seconds : all) {
                Map.Entry<Long, ImportRecord.Second> at = seconds.floorEntry(s);
                sum += at == null ? 0 : at.getValue().importKw();
            }
            if (sum > limitKw) {
                excess.add(new Excess(s, sum, limitKw));
            }
        }
        return excess;
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
