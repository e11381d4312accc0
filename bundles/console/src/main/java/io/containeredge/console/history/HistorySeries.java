package io.containeredge.console.history;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The series the console keeps a local history of, one value per second. Their keys name the columns
 * of the history files: a release that adds, removes or reorders series migrates the files by key, so
 * the history of every series it keeps survives. Renaming a key drops that series' history.
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

    /** The keys in column order: what the history files record as their column names. */
    static List<String> keys() {
        return Arrays.stream(values()).map(HistorySeries::key).toList();
    }
}
