package io.containeredge.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.console.history.HistoryRange;
import io.containeredge.console.history.HistorySeries;
import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.http.api.RequestRefused;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request parameters of the console's endpoints: accepted as given, or refused with a reason. */
class RequestParsingTest {

    /** The body as an action endpoint reads it. */
    private static ObjectNode json(String text) throws RequestRefused {
        return RequestBodies.ACTION.read(ConsoleRequests.post("/action", ConsoleRequests.TECHNICIAN, text));
    }

    private static String refusal(ThrowingCall call) {
        return assertThrows(RequestRefused.class, call::run).getMessage();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws RequestRefused;
    }

    @Test
    void maintenanceTakesADeviceAndOneMinuteToSevenDays() throws RequestRefused {
        assertEquals(new OverrideRequests.Maintenance("pdu-01", Duration.ofMinutes(10080)),
                OverrideRequests.maintenance(json("{\"device\":\"pdu-01\",\"minutes\":10080}")));
        assertTrue(refusal(() -> OverrideRequests.maintenance(json("{\"device\":\"pdu-01\",\"minutes\":0}")))
                .contains("from 1 to 10080"));
        assertTrue(refusal(() -> OverrideRequests.maintenance(json("{\"device\":\"\",\"minutes\":5}")))
                .contains("'device' is required"));
        assertTrue(refusal(() -> OverrideRequests.maintenance(json("{\"device\":\"a b\",\"minutes\":5}")))
                .contains("device id"));
        assertTrue(refusal(() -> OverrideRequests.maintenance(json("{\"device\":\"cdu\",\"minutes\":1e20}")))
                .contains("whole number"));
    }

    @Test
    void configurationDocumentsAreTextsWithOptionalProfiles() throws RequestRefused {
        assertEquals(new ConfigDocuments("site: s\n", Map.of()), ConfigRequests.documents(json("{\"site\":\"site: s\\n\"}")));
        assertEquals(Map.of("m", "id: m"),
                ConfigRequests.documents(json("{\"site\":\"x\",\"profiles\":{\"m\":\"id: m\"}}")).profiles());
        assertTrue(refusal(() -> ConfigRequests.documents(json("{\"site\":{\"site\":\"s\"}}"))).contains("'site'"));
        assertTrue(refusal(() -> ConfigRequests.documents(json("{\"site\":\"x\",\"profiles\":{\"m\":1}}")))
                .contains("must be a string"));
        assertTrue(refusal(() -> ConfigRequests.documents(json("{\"site\":\"x\",\"profiles\":[]}")))
                .contains("object of strings"));
        assertEquals(3, ConfigRequests.version(json("{\"version\":3}")));
        assertTrue(refusal(() -> ConfigRequests.version(json("{\"version\":0}"))).contains("from 1"));
    }

    @Test
    void historyQueriesDefaultToEverySeriesOverTheLastHour() throws RequestRefused {
        assertEquals(new HistoryQuery(List.of(HistorySeries.values()), HistoryRange.HOUR), HistoryQuery.parse(null, null));
        assertEquals(new HistoryQuery(List.of(HistorySeries.SUPPLY_C, HistorySeries.RETURN_C), HistoryRange.DAY),
                HistoryQuery.parse("supply-c, return-c,supply-c", "24h"));
        assertTrue(refusal(() -> HistoryQuery.parse("import-kw", "7d")).contains("[1h, 24h]"));
        assertTrue(refusal(() -> HistoryQuery.parse("import", "1h")).contains("unknown series 'import'"));
    }

    @Test
    void auditTakesOneToAThousandRecords() throws RequestRefused {
        assertEquals(AuditServlet.DEFAULT_MAX, AuditServlet.max(null));
        assertEquals(1000, AuditServlet.max("1000"));
        for (String bad : List.of("0", "1001", "-3", "ten", "")) {
            assertTrue(refusal(() -> AuditServlet.max(bad)).contains("1 to 1000"), bad);
        }
    }
}
