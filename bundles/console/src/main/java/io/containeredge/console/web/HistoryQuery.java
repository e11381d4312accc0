package io.containeredge.console.web;

import io.containeredge.console.history.HistoryRange;
import io.containeredge.console.history.HistorySeries;
import io.containeredge.http.api.RequestRefused;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code ?series=import-kw,miner-kw&range=1h|24h}: no series means all of them, no range the last hour. */
record HistoryQuery(List<HistorySeries> series, HistoryRange range) {

    static HistoryQuery parse(String series, String range) throws RequestRefused {
        HistoryRange r = range == null ? HistoryRange.HOUR : HistoryRange.byKey(range).orElseThrow(
                () -> RequestRefused.badRequest("range must be one of "
                        + Arrays.stream(HistoryRange.values()).map(HistoryRange::key).toList()));
        if (series == null || series.isBlank()) {
            return new HistoryQuery(List.of(HistorySeries.values()), r);
        }
        Set<HistorySeries> chosen = new LinkedHashSet<>();
        for (String key : series.split(",")) {
            chosen.add(HistorySeries.byKey(key.trim()).orElseThrow(() -> RequestRefused.badRequest(
                    "unknown series '" + key.trim() + "'; known: "
                            + Arrays.stream(HistorySeries.values()).map(HistorySeries::key).toList())));
        }
        return new HistoryQuery(new ArrayList<>(chosen), r);
    }
}
