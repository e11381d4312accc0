package io.containeredge.control.economics;

import io.containeredge.control.api.HashpriceUpdate;
import io.containeredge.control.api.PriceSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Live prices and hashprices received from outside ({@code price.update}, {@code hashprice.update}), checked here
 * once for every path that brings them, then handed to {@link EconomicInputs}. Anything wrong refuses the whole
 * update with the reason and changes nothing: a price feed with a hole is never half taken, and a refused update
 * leaves the prices received before in force.
 */
public final class EconomicUpdates {

    /** The site's range of energy prices, as the tariff's. */
    public static final double MIN_USD_PER_MWH = -1000;
    public static final double MAX_USD_PER_MWH = 20000;
    /** A forecast further ahead than this is not a market's: refused. */
    public static final Duration MAX_AHEAD = Duration.ofHours(48);
    /** 48 h of 5-minute slots and a little more. */
    public static final int MAX_SLOTS = 600;
    public static final double MAX_USD_PER_TH_DAY = 10;
    public static final double MAX_POOL_FEE = 0.5;
    /** How far ahead of the gateway's clock a hashprice's publication time may be: clocks differ a little. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final List<Integer> SLOT_MINUTES = List.of(5, 15);

    private final EconomicInputs inputs;

    /** @param inputs the economic limit's ({@link EconomicLimit#inputs}); empty when the site has no economics section */
    public EconomicUpdates(Optional<EconomicInputs> inputs) {
        this.inputs = inputs.orElse(null);
    }

    /**
     * Takes new live prices in place of the ones received before.
     *
     * @throws IllegalArgumentException with the reason; nothing changes
     */
    public void prices(List<PriceSlot> slots, long wallMillis) {
        EconomicInputs in = inputs("live prices are");
        in.updatePrices(priceSlots(slots, wallMillis));
    }

    /**
     * Takes a received hashprice, good for the site's configured validity.
     *
     * @throws IllegalArgumentException with the reason; nothing changes
     */
    public void hashprice(HashpriceUpdate update, long wallMillis) {
        EconomicInputs in = inputs("a hashprice is");
        check(update, wallMillis);
        // every hashprice the inputs hold carries the site's validity: the configured one from the start
        Duration validity = in.hashprice().validity();
        in.updateHashprice(Hashprice.received(update.usdPerThDay(), update.poolFee(), update.atMillis(), validity));
    }

    private EconomicInputs inputs(String whatIs) {
        if (inputs == null) {
            throw new IllegalArgumentException("the site has no economics section: " + whatIs
                    + " not taken (add an economics section to the site configuration)");
        }
        return inputs;
    }

    /**
     * The slots as the economic limit takes them, received at {@code wallMillis}.
     *
     * @throws IllegalArgumentException naming the first slot that is wrong and why
     */
    public static PriceSlots priceSlots(List<PriceSlot> slots, long wallMillis) {
        if (slots == null || slots.isEmpty()) {
            throw new IllegalArgumentException("no price slots: at least one is needed");
        }
        if (slots.size() > MAX_SLOTS) {
            throw new IllegalArgumentException(slots.size() + " price slots: at most " + MAX_SLOTS);
        }
        List<PriceSlots.Slot> checked = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            PriceSlot s = slots.get(i);
            if (s == null) {
                throw new IllegalArgumentException("price slot " + i + " is missing");
            }
            checkSlot(i, s, i == 0 ? s.minutes() : (int) checked.get(0).length().toMinutes());
            if (i > 0) {
                checkFollows(i, checked.get(i - 1), s);
            }
            checked.add(new PriceSlots.Slot(s.startMillis(), Duration.ofMinutes(s.minutes()), s.usdPerMwh()));
        }
        long end = checked.get(checked.size() - 1).endMillis();
        if (end > wallMillis + MAX_AHEAD.toMillis()) {
            throw new IllegalArgumentException("price slots reach " + Instant.ofEpochMilli(end) + ", more than "
                    + MAX_AHEAD.toHours() + " h ahead");
        }
        if (end <= wallMillis) {
            throw new IllegalArgumentException("every price slot has ended (the last at " + Instant.ofEpochMilli(end)
                    + "): nothing to use");
        }
        return new PriceSlots(checked, wallMillis);
    }

    private static void checkSlot(int i, PriceSlot s, int firstMinutes) {
        if (!SLOT_MINUTES.contains(s.minutes())) {
            throw new IllegalArgumentException("price slot " + i + " is " + s.minutes() + " minutes long: a slot is"
                    + " 5 or 15 minutes");
        }
        if (s.minutes() != firstMinutes) {
            throw new IllegalArgumentException("price slot " + i + " is " + s.minutes() + " minutes long, slot 0 "
                    + firstMinutes + ": all slots are of one length");
        }
        if (!(s.usdPerMwh() >= MIN_USD_PER_MWH && s.usdPerMwh() <= MAX_USD_PER_MWH)) {
            throw new IllegalArgumentException("price slot " + i + " has " + s.usdPerMwh() + " USD/MWh: a price is "
                    + (int) MIN_USD_PER_MWH + " to " + (int) MAX_USD_PER_MWH + " USD/MWh");
        }
        if (s.startMillis() <= 0) {
            throw new IllegalArgumentException("price slot " + i + " starts at " + s.startMillis()
                    + ": a start is epoch milliseconds");
        }
    }

    /** Sorted and contiguous: a slot starts where the one before ends. */
    private static void checkFollows(int i, PriceSlots.Slot before, PriceSlot s) {
        if (s.startMillis() <= before.startMillis()) {
            throw new IllegalArgumentException("price slot " + i + " starts at " + Instant.ofEpochMilli(s.startMillis())
                    + ", not after slot " + (i - 1) + ": slots are sorted by start");
        }
        if (s.startMillis() < before.endMillis()) {
            throw new IllegalArgumentException("price slot " + i + " overlaps slot " + (i - 1) + ": it starts at "
                    + Instant.ofEpochMilli(s.startMillis()) + ", before slot " + (i - 1) + " ends at "
                    + Instant.ofEpochMilli(before.endMillis()));
        }
        if (s.startMillis() > before.endMillis()) {
            throw new IllegalArgumentException("hole before price slot " + i + ": slot " + (i - 1) + " ends at "
                    + Instant.ofEpochMilli(before.endMillis()) + ", slot " + i + " starts at "
                    + Instant.ofEpochMilli(s.startMillis()));
        }
    }

    /**
     * A hashprice the economic limit may take at {@code wallMillis}.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static void check(HashpriceUpdate u, long wallMillis) {
        if (u == null) {
            throw new IllegalArgumentException("no hashprice given");
        }
        if (!(u.usdPerThDay() > 0 && u.usdPerThDay() <= MAX_USD_PER_TH_DAY)) {
            throw new IllegalArgumentException("hashprice " + u.usdPerThDay() + " USD/TH/day: it is above 0 and at"
                    + " most " + (int) MAX_USD_PER_TH_DAY);
        }
        if (!(u.poolFee() >= 0 && u.poolFee() <= MAX_POOL_FEE)) {
            throw new IllegalArgumentException("pool fee " + u.poolFee() + ": it is 0 to " + MAX_POOL_FEE);
        }
        if (u.atMillis() <= 0) {
            throw new IllegalArgumentException("hashprice published at " + u.atMillis() + ": a time is epoch"
                    + " milliseconds");
        }
        if (u.atMillis() > wallMillis + CLOCK_SKEW.toMillis()) {
            throw new IllegalArgumentException("hashprice published at " + Instant.ofEpochMilli(u.atMillis())
                    + ", in the future (the gateway's clock says " + Instant.ofEpochMilli(wallMillis) + ")");
        }
    }
}
