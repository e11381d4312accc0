package io.containeredge.control;

/**
 * Everything one control cycle decides on, taken from one snapshot of the process image.
 *
 * @param nowMillis the cycle's time (virtual in tests)
 * @param minerKw power the miner fleet draws now, from the miners' own reports
 * @param minerRatedKw power of the whole fleet awake at full target
 */
public record ContainerInputs(
        long nowMillis,
        CoolingInputs cooling,
        PowerInputs power,
        double minerKw,
        double minerRatedKw) {

    /** The same inputs with other cooling readings. */
    public ContainerInputs withCooling(CoolingInputs cooling) {
        return new ContainerInputs(nowMillis, cooling, power, minerKw, minerRatedKw);
    }
}
