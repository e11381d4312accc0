package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.HashpriceUpdate;
import io.containeredge.control.api.PriceSlot;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The market's inputs to the economic limit: live energy prices ({@value #PRICE_UPDATE}) and the hashprice
 * ({@value #HASHPRICE_UPDATE}). Their params are read strictly ({@link SlotParams}), since a feed is written by a
 * program: an unknown field or a wrong type is refused, never skipped. What the values must be (slot lengths,
 * contiguity, ranges) is the controller's to check ({@link ControlService#updatePrices}), once for every path.
 */
final class MarketActions {

    static final String PRICE_UPDATE = "price.update";
    static final String HASHPRICE_UPDATE = "hashprice.update";
    private static final Set<String> SLOT_FIELDS = Set.of("start", "minutes", "usdPerMwh");
    private static final Set<String> HASHPRICE_FIELDS = Set.of("usdPerThDay", "poolFee", "at");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LongSupplier clock;

    MarketActions(LongSupplier clock) {
        this.clock = clock;
    }

    /** {@code {slots: [{start: epoch ms or ISO-8601, minutes, usdPerMwh}, …]}}; result: the slots' span. */
    Outcome prices(RemoteRequest r, Params p, ControlService c) throws Refusal {
        List<PriceSlot> slots = SlotParams.slots(r, p, SLOT_FIELDS, "{start, minutes, usdPerMwh}",
                (s, where) -> new PriceSlot(SlotParams.time(r, s.get("start"), where + ".start"),
                        SlotParams.minutes(r, s, where), SlotParams.number(r, s, "usdPerMwh", where)));
        c.updatePrices(slots, r.source());
        PriceSlot last = slots.get(slots.size() - 1);
        return Outcome.accepted(SlotParams.span(slots.size(), slots.get(0).startMillis(),
                last.startMillis() + last.minutes() * 60_000L));
    }

    /** {@code {usdPerThDay, poolFee, at (optional: now)}}; result: the hashprice taken. */
    Outcome hashprice(RemoteRequest r, Params p, ControlService c) throws Refusal {
        SlotParams.onlyFields(r, r.params(), "params", HASHPRICE_FIELDS);
        long at = p.has("at") ? SlotParams.time(r, p.node("at"), "params.at") : clock.getAsLong();
        HashpriceUpdate update = new HashpriceUpdate(p.number("usdPerThDay"), p.number("poolFee"), at);
        c.updateHashprice(update, r.source());
        return Outcome.accepted(NODES.objectNode().put("usdPerThDay", update.usdPerThDay())
                .put("poolFee", update.poolFee()).put("at", at));
    }
}
