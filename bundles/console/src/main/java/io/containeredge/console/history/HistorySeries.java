package io.containeredge.console.history;

import java.util.Arrays;
import java.util.Optional;

/**
 * The series the console keeps a local history of, one value per second. Their order is the column
 * order of the history files: adding, removing or reordering one starts the files afresh (see
 * {@link #layoutHash()}).
 */
public enum HistorySeries {
    IMPORT_KW("import-kw", "kW", "grid import"),
    MINER_KW("miner-kw", "kW", "miner power"),
    MAX_MINER_KW("max-miner-kw", "kW", "allowed miner power"),
    SUPPLY_C("supply-c", "°C", "coolant supply"),
    RETURN_C("return-c", "°C", "coolant return"),
    BATTERY_SOC("battery-soc", "%", "battery state of charge"),
    BATTERY_KW("battery-kw", "kW", "battery power (+ discharge, − charge)");

    private final String key;
    private final String unit;
    private final String label;

    HistorySeries(String key, String unit, String label) {
        this.key = key;
        this.unit = unit;
        this.label = label;
    }

    /** The name used in the API and the live stream. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public String label() {
        return label;
    }

    public static int count() {
        return values().length;
    }

    public static Optional<HistorySeries> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** Identifies the column layout, so files written with another layout are not misread. */
    static int layoutHash() {
        return Arrays.stream(values()).map(HistorySeries::key).toList().hashCode();
    }
}
