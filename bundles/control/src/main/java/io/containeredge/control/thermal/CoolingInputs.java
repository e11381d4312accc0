package io.containeredge.control.thermal;

import io.containeredge.control.api.Reading;
import java.util.List;

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

    /** The readings the thermal guard cannot do without; the return temperature and tank level only advise. */
    public List<Reading> needed() {
        return List.of(supplyC, flowM3h, pumpRunning, leak, smoke, cduFault);
    }

    /** The same readings with another leak reading. */
    public CoolingInputs withLeak(Reading leak) {
        return new CoolingInputs(supplyC, returnC, flowM3h, pumpRunning, leak, smoke, levelLow, cduFault);
    }
}
