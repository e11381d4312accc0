package io.containeredge.control;

/**
 * Everything one control cycle decides on, taken from one snapshot of the process image.
 *
 * @param nowMillis the cycle's time (virtual in tests)
 * @param minerKw power the awake miners draw now, from the miners' own reports: the power the guards limit
 * @param minerRatedKw power of the whole fleet awake at full target
 */
public record ContainerInputs(
        long nowMillis,
        CoolingInputs cooling,
        PowerInputs power,
        double minerKw,
        double minerRatedKw) {
}
