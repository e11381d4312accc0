package io.containeredge.control.replay;

import io.containeredge.control.economics.PriceSlots;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a replay is run on: energy prices slot after slot, and the hashprice as a step function.
 *
 * @param prices one after the other without a gap, all of one length (5 or 15 minutes)
 * @param hashprice USD per TH/s per day before the pool fee, from each time on; one at or before the first slot
 * @param poolFee the pool's share of what is hashed, 0 to below 1
 */
public record ReplayInputs(List<PriceSlots.Slot> prices, NavigableMap<Long, Double> hashprice, double poolFee) {

    public ReplayInputs {
        prices = List.copyOf(prices);
        hashprice = Collections.unmodifiableNavigableMap(new TreeMap<>(hashprice));
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("no price slots to replay");
        }
        for (int i = 1; i < prices.size(); i++) {
            if (prices.get(i).startMillis() != prices.get(i - 1).endMillis()
                    || !prices.get(i).length().equals(prices.get(0).length())) {
                throw new IllegalArgumentException("price slot " + i + " does not follow slot " + (i - 1)
                        + " without a gap in slots of one length");
            }
        }
        long start = prices.get(0).startMillis();
        if (hashprice.floorKey(start) == null) {
            throw new IllegalArgumentException("no hashprice at the start of the prices, " + Instant.ofEpochMilli(start)
                    + (hashprice.isEmpty() ? "" : ": the first is from " + Instant.ofEpochMilli(hashprice.firstKey())));
        }
        if (!(poolFee >= 0 && poolFee < 1)) {
            throw new IllegalArgumentException("pool fee " + poolFee + ": from 0 to below 1");
        }
    }

    /** Where the replay starts: the first slot's start. */
    public long startMillis() {
        return prices.get(0).startMillis();
    }

    /** Where it ends: the last slot's end. */
    public long endMillis() {
        return prices.get(prices.size() - 1).endMillis();
    }

    /** The hashprice in force at a time within the replay, USD/TH/day before the pool fee. */
    public double hashpriceAt(long wallMillis) {
        return hashprice.floorEntry(wallMillis).getValue();
    }
}
