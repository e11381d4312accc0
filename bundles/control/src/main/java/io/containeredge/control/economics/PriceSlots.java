package io.containeredge.control.economics;

import io.containeredge.control.slots.SlotSearch;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Live or forecast energy prices in slots of 5 or 15 minutes, as a market publishes them. A slot's price is
 * used only within its slot: past the last slot, or in a gap, there is no live price and the tariff applies.
 *
 * @param slots by start time, none overlapping
 * @param receivedAtMillis wall-clock time they were received
 */
public record PriceSlots(List<Slot> slots, long receivedAtMillis) {

    /** No live prices: the tariff applies at all times. */
    public static final PriceSlots NONE = new PriceSlots(List.of(), 0);

    private static final List<Duration> LENGTHS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15));
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** One price for [start, start + length). */
    public record Slot(long startMillis, Duration length, double usdPerMwh) {

        public Slot {
            if (!LENGTHS.contains(length)) {
                throw new IllegalArgumentException("a price slot is 5 or 15 minutes long, not " + length);
            }
            if (!Double.isFinite(usdPerMwh)) {
                throw new IllegalArgumentException("a price slot needs a price, got " + usdPerMwh);
            }
        }

        public long endMillis() {
            return startMillis + length.toMillis();
        }

        boolean covers(long wallMillis) {
            return wallMillis >= startMillis && wallMillis < endMillis();
        }
    }

    public PriceSlots {
        slots = List.copyOf(slots);
        for (int i = 1; i < slots.size(); i++) {
            if (slots.get(i).startMillis() < slots.get(i - 1).endMillis()) {
                throw new IllegalArgumentException("price slot " + i + " starts before slot " + (i - 1) + " ends");
            }
        }
    }

    /**
     * The slot covering a wall-clock time, if any ({@link SlotSearch}: they are in order and do not overlap).
     */
    public Optional<Slot> at(long wallMillis) {
        return SlotSearch.covering(slots, wallMillis, Slot::startMillis, Slot::endMillis);
    }

    /** Why no slot covers a wall-clock time, for people; times in {@code zone}. */
    public String missing(long wallMillis, ZoneId zone) {
        if (slots.isEmpty()) {
            return "no live price received";
        }
        long end = slots.get(slots.size() - 1).endMillis();
        if (wallMillis >= end) {
            return "live prices ended at " + clock(end, zone);
        }
        if (wallMillis < slots.get(0).startMillis()) {
            return "live prices start at " + clock(slots.get(0).startMillis(), zone);
        }
        return "no live price slot for " + clock(wallMillis, zone);
    }

    static String clock(long wallMillis, ZoneId zone) {
        return CLOCK.format(Instant.ofEpochMilli(wallMillis).atZone(zone));
    }
}
