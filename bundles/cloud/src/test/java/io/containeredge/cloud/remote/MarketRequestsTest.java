package io.containeredge.cloud.remote;

import static io.containeredge.cloud.remote.Signer.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.HashpriceUpdate;
import io.containeredge.control.api.PriceSlot;
import io.containeredge.gateway.api.AuditRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code price.update} and {@code hashprice.update}: read strictly, checked by the controller, audited and
 * idempotent like every command; anything wrong is rejected with the reason and reaches nothing.
 */
class MarketRequestsTest extends RigFixture {

    private static final long MIN = 60_000;

    /** Two contiguous quarter-hours from T0, the first start as epoch ms, the second as ISO-8601. */
    private static ObjectNode twoSlots() {
        ObjectNode p = params();
        ArrayNode slots = p.putArray("slots");
        slots.addObject().put("start", Rig.T0).put("minutes", 15).put("usdPerMwh", 112.5);
        slots.addObject().put("start", Instant.ofEpochMilli(Rig.T0 + 15 * MIN).toString()).put("minutes", 15)
                .put("usdPerMwh", -20);
        return p;
    }

    @Test
    void aPriceUpdateReachesTheControllerAndIsAuditedAsTheEnergyPrice() throws Exception {
        JsonNode reply = rig.command("p-1", "price.update", twoSlots());

        assertEquals("accepted", reply.get("status").asText(), reply.toString());
        assertEquals(List.of("updatePrices " + List.of(new PriceSlot(Rig.T0, 15, 112.5),
                new PriceSlot(Rig.T0 + 15 * MIN, 15, -20)) + " mqtt:ops/p-1"), rig.control.calls());
        assertEquals(2, reply.at("/result/slots").asInt());
        assertEquals(Rig.T0, reply.at("/result/from").asLong());
        assertEquals(Rig.T0 + 30 * MIN, reply.at("/result/until").asLong());
        AuditRecord a = rig.audit.last();
        assertEquals("ops", a.actor());
        assertEquals("command.price.update", a.action());
        assertEquals("energy-price", a.target());
        assertEquals("accepted", a.outcome());
    }

    @Test
    void aHashpriceUpdateReachesTheControllerPublishedNowUnlessItSaysWhen() throws Exception {
        JsonNode now = rig.command("h-1", "hashprice.update", params().put("usdPerThDay", 0.05).put("poolFee", 0.02));
        JsonNode at = rig.command("h-2", "hashprice.update", params().put("usdPerThDay", 0.06).put("poolFee", 0)
                .put("at", Instant.ofEpochMilli(Rig.T0 - MIN).toString()));

        assertEquals("accepted", now.get("status").asText(), now.toString());
        assertEquals("accepted", at.get("status").asText(), at.toString());
        assertEquals(List.of("updateHashprice " + new HashpriceUpdate(0.05, 0.02, Rig.T0) + " mqtt:ops/h-1",
                "updateHashprice " + new HashpriceUpdate(0.06, 0, Rig.T0 - MIN) + " mqtt:ops/h-2"), rig.control.calls());
        assertEquals(Rig.T0 - MIN, at.at("/result/at").asLong());
        assertEquals("hashprice", rig.audit.last().target());
    }

    @Test
    void aPriceFeedWithAHoleIsRejectedWithTheControllersReason() throws Exception {
        ObjectNode p = twoSlots();
        ((ObjectNode) p.get("slots").get(1)).put("start", Rig.T0 + 20 * MIN);

        assertRejected(rig.command("p-2", "price.update", p), "hole before price slot 1");
    }

    @Test
    void aHashpriceFromTheFutureIsRejected() throws Exception {
        assertRejected(rig.command("h-3", "hashprice.update", params().put("usdPerThDay", 0.05).put("poolFee", 0.02)
                .put("at", Rig.T0 + 10 * MIN)), "in the future");
    }

    @Test
    void unknownFieldsAreRejectedNotSkipped() throws Exception {
        assertRejected(rig.command("p-3", "price.update", twoSlots().put("currency", "EUR")),
                "params.currency is not a field of price.update (its fields: slots)");
        ObjectNode p = twoSlots();
        ((ObjectNode) p.get("slots").get(0)).put("end", Rig.T0 + 15 * MIN);
        assertRejected(rig.command("p-4", "price.update", p), "params.slots[0].end is not a field of price.update");
        assertRejected(rig.command("h-4", "hashprice.update", params().put("usdPerThDay", 0.05).put("poolFee", 0)
                .put("validity", 99)), "params.validity is not a field of hashprice.update");
    }

    @Test
    void wrongTypesAreRejectedNamingTheField() throws Exception {
        ObjectNode text = twoSlots();
        ((ObjectNode) text.get("slots").get(1)).put("usdPerMwh", "112");
        ObjectNode fraction = twoSlots();
        ((ObjectNode) fraction.get("slots").get(0)).put("minutes", 15.5);
        ObjectNode localTime = twoSlots();
        ((ObjectNode) localTime.get("slots").get(0)).put("start", "2026-12-06T08:00:00");

        assertRejected(rig.command("p-5", "price.update", text), "params.slots[1].usdPerMwh must be a number");
        assertRejected(rig.command("p-6", "price.update", fraction), "params.slots[0].minutes must be an integer");
        assertRejected(rig.command("p-7", "price.update", localTime),
                "params.slots[0].start must be epoch milliseconds or an ISO-8601 time with an offset");
        assertRejected(rig.command("p-8", "price.update", params().put("slots", "all of them")),
                "params.slots must be a non-empty array");
        ObjectNode numbers = params();
        numbers.putArray("slots").add(7).add(8);
        assertRejected(rig.command("p-9", "price.update", numbers), "params.slots[0] must be an object");
        assertRejected(rig.command("h-5", "hashprice.update", params().put("usdPerThDay", "0.05").put("poolFee", 0)),
                "params.usdPerThDay must be a number");
    }

    @Test
    void aFeedKeyScopedToTheMarketActionsMayNotCurtail(@TempDir Path dir) throws Exception {
        rig.close();
        rig = new Rig(dir, Signer.OPS + ":price.update", "hashprice.update");

        assertRejected(rig.command("c-1", "curtail", params().put("kw", 900).put("minutes", 5)),
                "key ops may not curtail (its scopes: hashprice.update,price.update)");
        assertEquals("accepted", rig.command("p-11", "price.update", twoSlots()).get("status").asText());
    }

    @Test
    void aRepeatedPriceUpdateIsTakenOnce() throws Exception {
        rig.command("p-10", "price.update", twoSlots());
        JsonNode again = rig.command("p-10", "price.update", twoSlots());

        assertEquals(1, rig.control.calls().size(), rig.control.calls().toString());
        assertTrue(again.get("replay").asBoolean());
    }
}
