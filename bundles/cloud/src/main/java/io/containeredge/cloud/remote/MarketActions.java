package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.HashpriceUpdate;
import io.containeredge.control.api.PriceSlot;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The market's inputs to the economic limit: live energy prices ({@value #PRICE_UPDATE}) and the hashprice
 * ({@value #HASHPRICE_UPDATE}). Their params are read strictly, since a feed is written by a program: an unknown
 * field or a wrong type is refused, never skipped. What the values must be (slot lengths, contiguity, ranges) is
 * the controller's to check ({@link ControlService#updatePrices}), once for every path.
 */
final class MarketActions {

    static final String PRICE_UPDATE = "price.update";
    static final String HASHPRICE_UPDATE = "hashprice.update";
    private static final Set<String> PRICE_FIELDS = Set.of("slots");
    private static final Set<String> SLOT_FIELDS = Set.of("start", "minutes", "usdPerMwh");
    private static final Set<String> HASHPRICE_FIELDS = Set.of("usdPerThDay", "poolFee", "at");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LongSupplier clock;

    MarketActions(LongSupplier clock) {
        this.clock = clock;
    }

    /** {@code {slots: [{start: epoch ms or ISO-8601, minutes, usdPerMwh}, …]}}; result: the slots' span. */
    Outcome prices(RemoteRequest r, Params p, ControlService c) throws Refusal {
        onlyFields(r, r.params(), "params", PRICE_FIELDS);
        JsonNode list = p.node("slots");
        if (!list.isArray() || list.isEmpty()) {
            throw p.refusal("slots", "must be a non-empty array of {start, minutes, usdPerMwh}");
        }
        List<PriceSlot> slots = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            slots.add(slot(r, list.get(i), "params.slots[" + i + "]"));
        }
        c.updatePrices(slots, r.source());
        PriceSlot last = slots.get(slots.size() - 1);
        return Outcome.accepted(NODES.objectNode().put("slots", slots.size()).put("from", slots.get(0).startMillis())
                .put("until", last.startMillis() + last.minutes() * 60_000L));
    }

    /** {@code {usdPerThDay, poolFee, at (optional: now)}}; result: the hashprice taken. */
    Outcome hashprice(RemoteRequest r, Params p, ControlService c) throws Refusal {
        onlyFields(r, r.params(), "params", HASHPRICE_FIELDS);
        long at = p.has("at") ? time(r, p.node("at"), "params.at") : clock.getAsLong();
        HashpriceUpdate update = new HashpriceUpdate(p.number("usdPerThDay"), p.number("poolFee"), at);
        c.updateHashprice(update, r.source());
        return Outcome.accepted(NODES.objectNode().put("usdPerThDay", update.usdPerThDay())
                .put("poolFee", update.poolFee()).put("at", at));
    }

    private static PriceSlot slot(RemoteRequest r, JsonNode s, String where) throws Refusal {
        if (!s.isObject()) {
            throw new Refusal(r.id(), where + " must be an object {start, minutes, usdPerMwh}");
        }
        onlyFields(r, (ObjectNode) s, where, SLOT_FIELDS);
        JsonNode minutes = s.get("minutes");
        if (minutes == null || !minutes.isIntegralNumber() || !minutes.canConvertToInt()) {
            throw new Refusal(r.id(), where + ".minutes must be an integer");
        }
        JsonNode price = s.get("usdPerMwh");
        if (price == null || !price.isNumber() || !Double.isFinite(price.doubleValue())) {
            throw new Refusal(r.id(), where + ".usdPerMwh must be a number");
        }
        return new PriceSlot(time(r, s.get("start"), where + ".start"), minutes.intValue(), price.doubleValue());
    }

    /** Epoch milliseconds, or an ISO-8601 time with its offset ({@code 2026-12-06T08:00:00Z}). */
    private static long time(RemoteRequest r, JsonNode t, String where) throws Refusal {
        if (t != null && t.isIntegralNumber() && t.canConvertToLong()) {
            return t.longValue();
        }
        if (t != null && t.isTextual()) {
            try {
                return OffsetDateTime.parse(t.textValue()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                // refused below with the form it must have
            }
        }
        throw new Refusal(r.id(), where + " must be epoch milliseconds or an ISO-8601 time with an offset,"
                + " e.g. 2026-12-06T08:00:00Z");
    }

    private static void onlyFields(RemoteRequest r, ObjectNode o, String where, Set<String> fields) throws Refusal {
        for (Iterator<String> names = o.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new Refusal(r.id(), where + "." + RemoteRequests.printable(name) + " is not a field of "
                        + r.action() + " (its fields: " + String.join(", ", new TreeSet<>(fields)) + ")");
            }
        }
    }
}
