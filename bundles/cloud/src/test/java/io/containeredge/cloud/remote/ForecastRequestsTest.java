package io.containeredge.cloud.remote;

import static io.containeredge.cloud.remote.Signer.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.ForecastSlot;
import io.containeredge.gateway.api.AuditRecord;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forecast.update}: read strictly, handed to the controller, audited and idempotent like every command; a
 * forecast the controller refuses is rejected with the controller's reason.
 */
class ForecastRequestsTest extends RigFixture {

    private static final long MIN = 60_000;

    /** Two contiguous quarter-hours from T0: the first with an ambient, as epoch ms; the second without, ISO-8601. */
    private static ObjectNode twoSlots() {
        ObjectNode p = params();
        ArrayNode slots = p.putArray("slots");
        slots.addObject().put("start", Rig.T0).put("minutes", 15).put("pvKw", 420.5).put("ambientC", 31.5);
        slots.addObject().put("start", Instant.ofEpochMilli(Rig.T0 + 15 * MIN).toString()).put("minutes", 15)
                .put("pvKw", 0);
        return p;
    }

    @Test
    void aForecastReachesTheControllerWithoutAnAmbientAsNaNAndIsAudited() throws Exception {
        JsonNode reply = rig.command("f-1", "forecast.update", twoSlots());

        assertEquals("accepted", reply.get("status").asText(), reply.toString());
        assertEquals(List.of("updateForecast " + List.of(new ForecastSlot(Rig.T0, 15, 420.5, 31.5),
                new ForecastSlot(Rig.T0 + 15 * MIN, 15, 0, Double.NaN)) + " mqtt:ops/f-1"), rig.control.calls());
        assertEquals(2, reply.at("/result/slots").asInt());
        assertEquals(Rig.T0, reply.at("/result/from").asLong());
        assertEquals(Rig.T0 + 30 * MIN, reply.at("/result/until").asLong());
        AuditRecord a = rig.audit.last();
        assertEquals("command.forecast.update", a.action());
        assertEquals("pv-forecast", a.target());
        assertEquals("accepted", a.outcome());
    }

    @Test
    void aForecastTheControllerRefusesIsRejectedWithItsReason() throws Exception {
        String reason = "the site has no planner section: forecasts are refused";
        rig.controlSeenAs = c -> refusingForecasts(c, reason);

        JsonNode reply = rig.command("f-2", "forecast.update", twoSlots());

        assertEquals("rejected", reply.get("status").asText(), reply.toString());
        assertEquals(reason, reply.get("reason").asText());
        assertEquals("rejected", rig.audit.last().outcome());
    }

    @Test
    void unknownFieldsAndWrongTypesAreRejectedNamingTheField() throws Exception {
        assertRejected(rig.command("f-3", "forecast.update", twoSlots().put("source", "solcast")),
                "params.source is not a field of forecast.update (its fields: slots)");
        ObjectNode extra = twoSlots();
        ((ObjectNode) extra.get("slots").get(0)).put("usdPerMwh", 40);
        assertRejected(rig.command("f-4", "forecast.update", extra),
                "params.slots[0].usdPerMwh is not a field of forecast.update (its fields: ambientC, minutes, pvKw,"
                        + " start)");
        ObjectNode text = twoSlots();
        ((ObjectNode) text.get("slots").get(1)).put("pvKw", "0");
        assertRejected(rig.command("f-5", "forecast.update", text), "params.slots[1].pvKw must be a number");
        ObjectNode ambient = twoSlots();
        ((ObjectNode) ambient.get("slots").get(0)).putNull("ambientC");
        assertRejected(rig.command("f-6", "forecast.update", ambient), "params.slots[0].ambientC must be a number");
        ObjectNode missing = twoSlots();
        ((ObjectNode) missing.get("slots").get(0)).remove("pvKw");
        assertRejected(rig.command("f-7", "forecast.update", missing), "params.slots[0].pvKw must be a number");
        assertRejected(rig.command("f-8", "forecast.update", params().put("slots", "tomorrow")),
                "params.slots must be a non-empty array of {start, minutes, pvKw, ambientC}");
    }

    @Test
    void aForecastKeyMayNotSendPrices(@TempDir Path dir) throws Exception {
        rig.close();
        rig = new Rig(dir, Signer.OPS + ":forecast.update");

        ObjectNode prices = params();
        prices.putArray("slots").addObject().put("start", Rig.T0).put("minutes", 15).put("usdPerMwh", 40);
        assertRejected(rig.command("p-1", "price.update", prices),
                "key ops may not price.update (its scopes: forecast.update)");
        assertEquals("accepted", rig.command("f-9", "forecast.update", twoSlots()).get("status").asText());
    }

    /** {@code c}, except that it refuses every forecast with {@code reason}, as a controller without a planner. */
    private static ControlService refusingForecasts(ControlService c, String reason) {
        return (ControlService) Proxy.newProxyInstance(ControlService.class.getClassLoader(),
                new Class<?>[] {ControlService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("updateForecast")) {
                        throw new IllegalArgumentException(reason);
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
