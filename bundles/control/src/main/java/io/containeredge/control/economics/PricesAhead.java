package io.containeredge.control.economics;

import io.containeredge.control.api.EconomicsStatus.PriceAhead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The prices of the time ahead as the economic limit will see them: the live or forecast slots received, and the
 * tariff wherever none covers the time (before the first slot, after the last), its periods merged into stretches
 * of one price. Pure.
 */
final class PricesAhead {

    /** The tariff is looked up at this step: its periods start and end on the quarter hour or coarser. */
    private static final long STEP_MILLIS = Duration.ofMinutes(15).toMillis();

    private PricesAhead() {
    }

    /** The prices from {@code wallMillis} to {@code span} later. */
    static List<PriceAhead> of(Tariff tariff, PriceSlots live, long wallMillis, Duration span) {
        long end = wallMillis + span.toMillis();
        List<PriceAhead> ahead = new ArrayList<>();
        long cursor = wallMillis;
        for (PriceSlots.Slot slot : live.slots()) {
            if (slot.endMillis() <= cursor || slot.startMillis() >= end) {
                continue;
            }
            addTariff(ahead, tariff, cursor, slot.startMillis());
            ahead.add(new PriceAhead(Math.max(cursor, slot.startMillis()), slot.endMillis(), slot.usdPerMwh(),
                    EnergyPrice.Source.LIVE.name()));
            cursor = slot.endMillis();
        }
        addTariff(ahead, tariff, cursor, end);
        return ahead;
    }

    /** The tariff's prices over [from, to), one entry per stretch of one price. */
    private static void addTariff(List<PriceAhead> ahead, Tariff tariff, long from, long to) {
        for (long t = from; t < to;) {
            long next = Math.min(to, (Math.floorDiv(t, STEP_MILLIS) + 1) * STEP_MILLIS);
            EnergyPrice price = tariff.priceAt(t, PriceSlots.NONE);
            PriceAhead last = ahead.isEmpty() ? null : ahead.get(ahead.size() - 1);
            String source = price.source().name();
            if (last != null && last.endMillis() == t && last.usdPerMwh() == price.usdPerMwh()
                    && last.source().equals(source)) {
                ahead.set(ahead.size() - 1, new PriceAhead(last.startMillis(), next, last.usdPerMwh(), source));
            } else {
                ahead.add(new PriceAhead(t, next, price.usdPerMwh(), source));
            }
            t = next;
        }
    }
}
