package io.containeredge.modbus.time;

/**
 * The clock every age and duration is measured on: staleness, rate limits, hold times, confirm timers.
 * It never goes back and does not follow wall-clock steps (NTP, an operator setting the date), so a step
 * can neither freeze an age nor make one jump. Wall-clock time stays for what people read (snapshot,
 * alarm and audit timestamps). Injectable, so tests run it as a virtual clock.
 */
@FunctionalInterface
public interface MonotonicClock {

    /** Milliseconds since an arbitrary origin (only differences mean anything). */
    long millis();

    /** {@link System#nanoTime()} in milliseconds. */
    static MonotonicClock system() {
        return () -> System.nanoTime() / 1_000_000L;
    }
}
