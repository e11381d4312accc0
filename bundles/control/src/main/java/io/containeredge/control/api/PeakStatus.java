package io.containeredge.control.api;

/**
 * Coincident-peak windows: the configured windows and the alert that makes one binding.
 *
 * @param alert a peak alert is on now (signed MQTT or OpenADR)
 * @param alertUntilMillis when the alert ends by itself (wall clock); 0 when off
 * @param inWindow now is inside a configured window
 * @param capKw the import the container holds to during an alerted window
 * @param binding alert and window together: the cap applies now
 * @param nextWindowStartMillis the next window's start (wall clock), 0 when none is configured
 * @param source who set or cleared the alert last
 */
public record PeakStatus(boolean alert, long alertUntilMillis, boolean inWindow, double capKw, boolean binding,
        long nextWindowStartMillis, String source) {
}
