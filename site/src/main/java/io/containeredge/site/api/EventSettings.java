package io.containeredge.site.api;

import java.time.Duration;
import java.util.List;

/**
 * How demand-response events are measured ({@code grid.events}).
 *
 * @param baseline how an event's baseline import is taken
 * @param baselineWindow the load history the baseline averages (default the 10 minutes before notification)
 * @param levelReductionPct a shed level 1-3 asks for this share of the baseline off (level 0: none); three values
 * @param keepPast finished events and their records are kept this long (default 30 days)
 */
public record EventSettings(Baseline baseline, Duration baselineWindow, List<Double> levelReductionPct,
        Duration keepPast) {

    /** The baseline methods. */
    public enum Baseline {
        /** The average import of the window before the event was notified. */
        BEFORE_NOTIFICATION,
        /** The average import of the window before the event's first interval starts. */
        BEFORE_START
    }

    public static final EventSettings DEFAULTS = new EventSettings(Baseline.BEFORE_NOTIFICATION,
            Duration.ofMinutes(10), List.of(25.0, 50.0, 100.0), Duration.ofDays(30));

    public EventSettings {
        levelReductionPct = List.copyOf(levelReductionPct);
    }
}
