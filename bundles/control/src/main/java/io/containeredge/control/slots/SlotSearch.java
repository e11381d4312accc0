package io.containeredge.control.slots;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The slot of a sorted, non-overlapping list that covers a time: a binary search over the starts, since the
 * controller asks every cycle and a plan or a backtest hundreds of times, over up to a year of slots.
 */
public final class SlotSearch {

    private SlotSearch() {
    }

    /**
     * @param start a slot's first millisecond
     * @param end the millisecond after its last
     */
    public static <T> Optional<T> covering(List<T> slots, long wallMillis, ToLongFunction<T> start,
            ToLongFunction<T> end) {
        int lo = 0;
        int hi = slots.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            T s = slots.get(mid);
            if (wallMillis < start.applyAsLong(s)) {
                hi = mid - 1;
            } else if (wallMillis >= end.applyAsLong(s)) {
                lo = mid + 1;
            } else {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
