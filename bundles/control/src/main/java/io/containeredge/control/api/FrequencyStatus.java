package io.containeredge.control.api;

/**
 * The under-frequency guard as of the last reading.
 *
 * @param point the meter point it watches, e.g. {@code meter-main/frequency}
 * @param hz the last reading; NaN when not good
 * @param state {@code NORMAL}, {@code SHED}, {@code RESTORING} or {@code BLIND} (no good reading: no shed by itself,
 *     alarmed)
 * @param thresholdHz below this for the configured readings the block is shed
 * @param restoreHz above this (threshold + hysteresis) for the configured time the block returns, ramped
 * @param reason for people
 * @param sheds how many times it has shed since the gateway started
 */
public record FrequencyStatus(String point, double hz, String state, double thresholdHz, double restoreHz,
        String reason, long sheds) {
}
