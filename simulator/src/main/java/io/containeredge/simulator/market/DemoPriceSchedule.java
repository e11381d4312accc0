package io.containeredge.simulator.market;

import java.time.Duration;
import java.util.List;

/**
 * The demo's made-up energy prices, repeating every 30 minutes from the feed's start, in 5-minute slots: 40 USD/MWh
 * for 5 minutes (every miner pays flat out), 100 for 5 (the least efficient models pay best at lower power targets),
 * 160 for 5 (they sleep, the efficient ones run lower), 400 for 5 (a scarcity spike: nothing pays, every miner
 * sleeps), then 40 for 10 (back). With the demo's hashprice (0.06 USD/TH/day, pool fee 2 %) the models' breakevens
 * are about 114 USD/MWh (S19j Pro-class), 135 (M56S-class) and 189 (S21-class). The slots align with 5-minute
 * boundaries of the epoch, as {@link AheadPrices}' do. Pure.
 */
public final class DemoPriceSchedule {

    public static final Duration SLOT = Duration.ofMinutes(5);
    /** The prices of one 30-minute cycle, one per slot. */
    public static final List<Double> CYCLE = List.of(40.0, 100.0, 160.0, 400.0, 40.0, 40.0);

    private final long startMillis;

    /** @param startMillis when the feed starts; the first slot starts on the 5 minutes at or before it */
    public DemoPriceSchedule(long startMillis) {
        this.startMillis = startMillis - Math.floorMod(startMillis, SLOT.toMillis());
    }

    /** The price over the slot covering a wall-clock time. */
    public double priceAt(long wallMillis) {
        long slot = Math.floorDiv(wallMillis - startMillis, SLOT.toMillis());
        return CYCLE.get((int) Math.floorMod(slot, (long) CYCLE.size()));
    }
}
