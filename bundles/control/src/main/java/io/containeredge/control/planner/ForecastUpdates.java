package io.containeredge.control.planner;

import io.containeredge.control.api.ForecastSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Generation forecasts received from outside ({@code forecast.update}, the forecast file), checked here once for
 * every path that brings them. Anything wrong refuses the whole forecast with the reason and changes nothing: a
 * forecast with a hole is never half taken, and the one received before stays in force.
 */
public final class ForecastUpdates {

    public static final int SLOT_MINUTES = 15;
    /** 48 h of 15-minute slots and a little more. */
    public static final int MAX_SLOTS = 200;
    public static final Duration MAX_AHEAD = Duration.ofHours(48);
    /** A plant delivers a little over its rating on a cold clear day; more than this is not a forecast of it. */
    public static final double RATING_MARGIN = 1.1;
    public static final double MIN_AMBIENT_C = -50;
    public static final double MAX_AMBIENT_C = 70;

    private ForecastUpdates() {
    }

    /**
     * The slots as the planner takes them, received at {@code wallMillis}.
     *
     * @param ratedKw the site's PV rating ({@code planner.pvRatedKw})
     * @throws IllegalArgumentException naming the first slot that is wrong and why
     */
    public static GenerationForecast check(List<ForecastSlot> slots, long wallMillis, double ratedKw, String source) {
        if (slots == null || slots.isEmpty()) {
            throw new IllegalArgumentException("no forecast slots: at least one is needed");
        }
        if (slots.size() > MAX_SLOTS) {
            throw new IllegalArgumentException(slots.size() + " forecast slots: at most " + MAX_SLOTS);
        }
        double maxKw = ratedKw * RATING_MARGIN;
        List<GenerationForecast.Slot> checked = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            ForecastSlot s = slots.get(i);
            if (s == null) {
                throw new IllegalArgumentException("forecast slot " + i + " is missing");
            }
            check(i, s, maxKw);
            if (i > 0 && s.startMillis() != checked.get(i - 1).endMillis()) {
                throw new IllegalArgumentException("forecast slot " + i + " starts at "
                        + Instant.ofEpochMilli(s.startMillis()) + ", not where slot " + (i - 1) + " ends ("
                        + Instant.ofEpochMilli(checked.get(i - 1).endMillis()) + "): slots are sorted and contiguous");
            }
            checked.add(new GenerationForecast.Slot(s.startMillis(), s.startMillis() + SLOT_MINUTES * 60_000L,
                    s.pvKw(), s.ambientC()));
        }
        long end = checked.get(checked.size() - 1).endMillis();
        if (end > wallMillis + MAX_AHEAD.toMillis() + SLOT_MINUTES * 60_000L) {
            throw new IllegalArgumentException("forecast slots reach " + Instant.ofEpochMilli(end) + ", more than "
                    + MAX_AHEAD.toHours() + " h ahead");
        }
        if (end <= wallMillis) {
            throw new IllegalArgumentException("every forecast slot has ended (the last at " + Instant.ofEpochMilli(end)
                    + "): nothing to use");
        }
        return new GenerationForecast(checked, wallMillis, source);
    }

    private static void check(int i, ForecastSlot s, double maxKw) {
        if (s.minutes() != SLOT_MINUTES) {
            throw new IllegalArgumentException("forecast slot " + i + " is " + s.minutes() + " minutes long: a slot is "
                    + SLOT_MINUTES + " minutes");
        }
        if (s.startMillis() <= 0 || s.startMillis() % (SLOT_MINUTES * 60_000L) != 0) {
            throw new IllegalArgumentException("forecast slot " + i + " starts at " + s.startMillis()
                    + ": a start is epoch milliseconds on a quarter hour");
        }
        if (!(s.pvKw() >= 0 && s.pvKw() <= maxKw)) {
            throw new IllegalArgumentException("forecast slot " + i + " has " + s.pvKw() + " kW: generation is 0 to "
                    + Math.round(maxKw) + " kW (the plant's rating plus 10 %)");
        }
        if (!Double.isNaN(s.ambientC()) && !(s.ambientC() >= MIN_AMBIENT_C && s.ambientC() <= MAX_AMBIENT_C)) {
            throw new IllegalArgumentException("forecast slot " + i + " has an ambient of " + s.ambientC() + " °C: it is "
                    + (int) MIN_AMBIENT_C + " to " + (int) MAX_AMBIENT_C + " °C, or not given");
        }
    }
}
