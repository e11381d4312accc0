package io.containeredge.api;

import io.containeredge.control.api.ComplianceSecond;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * An event's per-second compliance as a CSV table (RFC 4180, CRLF line ends): a header line, then one line per
 * second, oldest first. A number not known (an import reading that was not good: NaN) is an empty cell, so that a
 * spreadsheet does not average it in; kW to the watt.
 */
final class PerformanceCsv {

    static final String HEADER = "time,epochSecond,baselineKw,targetKw,importKw,shortfallKw,measured";

    private PerformanceCsv() {
    }

    static String of(List<ComplianceSecond> seconds) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ComplianceSecond s : seconds) {
            csv.append(Instant.ofEpochSecond(s.epochSecond())).append(',').append(s.epochSecond()).append(',')
                    .append(kw(s.baselineKw())).append(',').append(kw(s.targetKw())).append(',')
                    .append(kw(s.importKw())).append(',').append(kw(s.shortfallKw())).append(',')
                    .append(s.measured()).append("\r\n");
        }
        return csv.toString();
    }

    private static String kw(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() : "";
    }
}
