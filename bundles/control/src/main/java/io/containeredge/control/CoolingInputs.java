package io.containeredge.control;

/**
 * What the thermal guard of one cooling loop reads.
 *
 * @param pumpRunning 1 while the CDU reports its pump running
 * @param cduFault 1 if any CDU fault bit is set
 * @param levelLow 1 if the tank level alarm is set
 */
public record CoolingInputs(
        Reading supplyC,
        Reading returnC,
        Reading flowM3h,
        Reading pumpRunning,
        Reading leak,
        Reading smoke,
        Reading levelLow,
        Reading cduFault) {

    /** The same readings with another leak reading. */
    public CoolingInputs withLeak(Reading leak) {
        return new CoolingInputs(supplyC, returnC, flowM3h, pumpRunning, leak, smoke, levelLow, cduFault);
    }
}
