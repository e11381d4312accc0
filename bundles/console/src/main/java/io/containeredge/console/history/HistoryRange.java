package io.containeredge.console.history;

import java.util.Arrays;
import java.util.Optional;

/** The two windows the charts show: the last hour at 1 s and the last 24 hours at 1 min. */
public enum HistoryRange {
    HOUR("1h", 1, 3600),
    DAY("24h", 60, 1440);

    private final String key;
    private final int stepSeconds;
    private final int points;

    HistoryRange(String key, int stepSeconds, int points) {
        this.key = key;
        this.stepSeconds = stepSeconds;
        this.points = points;
    }

    public String key() {
        return key;
    }

    public int stepSeconds() {
        return stepSeconds;
    }

    /** How many steps the window holds: also the number of slots of its file. */
    public int points() {
        return points;
    }

    public static Optional<HistoryRange> byKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
