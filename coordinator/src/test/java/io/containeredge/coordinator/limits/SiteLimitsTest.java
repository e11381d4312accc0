package io.containeredge.coordinator.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteLimitsTest {

    private static final long T = 1_800_000_000_000L;
    private static final long HOUR = 3_600_000;

    static SiteLimit limit(String id, double kw, long from, long until) {
        return new SiteLimit(id, kw, from, until, "utility order", "cli:ops", T - HOUR);
    }

    @Test
    void theLowestLimitInForceApplies() {
        SiteLimits limits = new SiteLimits(List.of(limit("ev-1", 9000, T, T + 2 * HOUR),
                limit("peak", 7000, T + HOUR, T + 3 * HOUR), limit("later", 5000, T + 5 * HOUR, T + 6 * HOUR)));
        assertTrue(limits.inForce(T - 1).isEmpty(), "none before the first starts");
        assertEquals("ev-1", limits.inForce(T).orElseThrow().id());
        assertEquals("peak", limits.inForce(T + HOUR).orElseThrow().id(), "the lower of two in force");
        assertEquals("peak", limits.inForce(T + 2 * HOUR).orElseThrow().id(), "ev-1 ends at its until");
        assertTrue(limits.inForce(T + 3 * HOUR).isEmpty());
    }

    @Test
    void aLimitReplacesTheOneOfItsIdAndEndedOnesAreDropped() {
        SiteLimits limits = new SiteLimits(List.of(limit("old", 9000, T - 2 * HOUR, T - HOUR),
                limit("ev-1", 9000, T, T + HOUR)));
        SiteLimits next = limits.with(limit("ev-1", 8000, T, T + HOUR), T);
        assertEquals(List.of("ev-1"), next.limits().stream().map(SiteLimit::id).toList());
        assertEquals(8000, next.limits().get(0).kw());
        assertTrue(next.without("ev-1", T).limits().isEmpty());
    }

    @Test
    void doneRequestsAreRememberedLongerThanARequestLivesAndNoLonger() {
        SiteLimits limits = SiteLimits.NONE.withDone("aggregator/r-1", T);
        assertTrue(limits.done("aggregator/r-1"));
        assertTrue(limits.withDone("aggregator/r-2", T + SiteRequestDesk.LONGEST_LIFE.toMillis()).done("aggregator/r-1"),
                "kept while the request could still be replayed");
        SiteLimits later = limits.withDone("aggregator/r-2", T + SiteLimits.REQUEST_MEMORY + 1);
        assertTrue(!later.done("aggregator/r-1") && later.done("aggregator/r-2"), "dropped after");
        assertEquals(later, SiteLimits.parse(later.toJson()), "kept in the node");
    }

    @Test
    void theNodeRoundTripsAndAnEmptyNodeHoldsNone() {
        SiteLimits limits = new SiteLimits(List.of(limit("ev-1", 9000.5, T, T + HOUR)));
        assertEquals(limits, SiteLimits.parse(limits.toJson()));
        assertEquals(SiteLimits.NONE, SiteLimits.parse(new byte[0]));
    }

    @Test
    void aNodeWrittenOtherwiseIsRefusedWithItsReason() {
        assertRefused("{\"limits\":[]} trailing", "not JSON");
        assertRefused("{\"limits\":[],\"limits\":[]}", "not JSON");
        assertRefused("{\"limits\":[], \"x\":1}", "only a \"limits\" array");
        assertRefused("{\"limits\":[{\"id\":\"a\",\"kw\":\"9000\",\"from\":1,\"until\":2,\"reason\":\"r\",\"by\":\"b\","
                + "\"setAt\":1}]}", "kw of a limit is not a number");
        assertRefused("{\"limits\":[{\"id\":\"a\",\"kw\":9000,\"from\":1,\"until\":2,\"reason\":\"r\",\"by\":\"b\","
                + "\"setAt\":1,\"raise\":true}]}", "unknown field raise");
        assertRefused("{\"limits\":[{\"id\":\"a b\",\"kw\":9000,\"from\":1,\"until\":2,\"reason\":\"r\",\"by\":\"b\","
                + "\"setAt\":1}]}", "id missing or not");
        assertRefused("{\"limits\":[{\"id\":\"a\",\"kw\":-1,\"from\":1,\"until\":2,\"reason\":\"r\",\"by\":\"b\","
                + "\"setAt\":1}]}", "must be a number of kW >= 0");
        assertRefused("{\"limits\":[{\"id\":\"a\",\"kw\":1,\"from\":2,\"until\":2,\"reason\":\"r\",\"by\":\"b\","
                + "\"setAt\":1}]}", "ends before it starts");
        String one = "{\"id\":\"a\",\"kw\":1,\"from\":1,\"until\":2,\"reason\":\"r\",\"by\":\"b\",\"setAt\":1}";
        assertRefused("{\"limits\":[" + one + "," + one + "]}", "two limits with id a");
    }

    @Test
    void aLimitLongerThanAMonthBelongsInTheConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> limit("season", 9000, T, T + SiteLimit.LONGEST_MILLIS + 1));
        assertTrue(e.getMessage().contains("lower the POI cap in the configuration"), e.getMessage());
    }

    private static void assertRefused(String node, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SiteLimits.parse(node.getBytes(StandardCharsets.UTF_8)), node);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
