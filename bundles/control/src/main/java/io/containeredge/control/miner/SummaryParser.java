package io.containeredge.control.miner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * Reads a miner's {@code summary} answer into a {@link MinerStatus}. One summary carries everything the
 * control needs (power, target, state, temperatures, hashrate), so a poll is one request per miner.
 *
 * <p>Fields read from {@code SUMMARY[0]}, each optional because firmwares differ:
 * {@code Power} and {@code Power Target} (W), {@code GHS 5s} (or plain cgminer's {@code MHS 5s}),
 * {@code State} (curtailment firmwares: hashing, going-to-sleep, sleeping, waking, booting,
 * overheat-shutdown), the temperatures {@code Temperature} (hottest chip), {@code Inlet Temp},
 * {@code Outlet Temp}, and the shortest windowed hashrate average the firmware reports ({@code GHS 1m},
 * {@code GHS 5m}, {@code GHS 15m} or their {@code MHS} forms), which efficiency learning reads. Numbers sent as
 * strings are accepted.
 */
final class SummaryParser {

    private static final String[] TEMPERATURES = {"Temperature", "Inlet Temp", "Outlet Temp"};
    /** The windowed averages, shortest first (it settles soonest after a change), with their windows in s. */
    private static final List<Window> AVERAGES = List.of(new Window("1m", 60), new Window("5m", 300),
            new Window("15m", 900));

    /** A hashrate average's field suffix and its window. */
    private record Window(String suffix, int seconds) {
    }

    private SummaryParser() {
    }

    static MinerStatus parse(JsonNode answer, MinerEndpoint endpoint, long nowMillis) {
        JsonNode s = answer.path("SUMMARY").path(0);
        double hashrateThs = hashrateThs(s);
        double maxTempC = Double.NaN;
        for (String field : TEMPERATURES) {
            double t = number(s, field);
            if (!Double.isNaN(t) && (Double.isNaN(maxTempC) || t > maxTempC)) {
                maxTempC = t;
            }
        }
        // the miner's warning (e.g. overheat shutdown) is worth showing next to its status
        String warning = CgminerClient.statusCode(answer).equals("W") ? CgminerClient.message(answer) : null;
        for (Window average : AVERAGES) {
            double ths = hashrateThs(s, average.suffix());
            if (!Double.isNaN(ths)) {
                return status(endpoint, s, hashrateThs, maxTempC, nowMillis, warning, ths, average.seconds());
            }
        }
        return status(endpoint, s, hashrateThs, maxTempC, nowMillis, warning, Double.NaN, 0);
    }

    private static MinerStatus status(MinerEndpoint endpoint, JsonNode s, double hashrateThs, double maxTempC,
            long nowMillis, String warning, double averageThs, double windowSeconds) {
        double powerW = number(s, "Power");
        double targetW = number(s, "Power Target");
        return new MinerStatus(endpoint.index(), true, mode(s, hashrateThs),
                Double.isNaN(powerW) ? endpoint.ratedW() : powerW,
                Double.isNaN(targetW) ? endpoint.ratedW() : targetW,
                hashrateThs, maxTempC, nowMillis, warning, averageThs, windowSeconds);
    }

    private static double hashrateThs(JsonNode s) {
        double ths = hashrateThs(s, "5s");
        return Double.isNaN(ths) ? 0 : ths;
    }

    /** The hashrate over {@code window} ({@code GHS <window>}, else {@code MHS <window>}), TH/s; NaN if neither. */
    private static double hashrateThs(JsonNode s, String window) {
        double ghs = number(s, "GHS " + window);
        if (!Double.isNaN(ghs)) {
            return ghs / 1000;
        }
        double mhs = number(s, "MHS " + window);
        return Double.isNaN(mhs) ? Double.NaN : mhs / 1e6;
    }

    /**
     * By the reported state when there is one; a firmware without states is awake if it hashes, and
     * otherwise unknown (it may be idle for reasons other than sleep, e.g. no pool).
     */
    private static MinerMode mode(JsonNode s, double hashrateThs) {
        JsonNode state = s.get("State");
        if (state == null || !state.isTextual()) {
            return hashrateThs > 0 ? MinerMode.AWAKE : MinerMode.UNKNOWN;
        }
        return switch (state.asText().trim().toLowerCase(Locale.ROOT)) {
            case "hashing", "waking", "booting" -> MinerMode.AWAKE;
            case "sleeping", "going-to-sleep", "overheat-shutdown" -> MinerMode.SLEEPING;
            default -> MinerMode.UNKNOWN;
        };
    }

    /** The field as a finite number (also from a numeric string), else NaN. */
    private static double number(JsonNode s, String field) {
        JsonNode v = s.get(field);
        if (v == null) {
            return Double.NaN;
        }
        double d;
        if (v.isNumber()) {
            d = v.asDouble();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        } else {
            return Double.NaN;
        }
        return Double.isFinite(d) ? d : Double.NaN;
    }
}
