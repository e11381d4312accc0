package io.containeredge.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.console.history.HistorySeries;
import io.containeredge.console.history.HistoryStore;
import io.containeredge.console.stream.StreamHub;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream and history endpoints over fake requests, on a real hub and history store. */
class LiveEndpointsTest {

    private static final long NOW = 1_704_067_200_000L;

    @TempDir
    Path dir;

    private FakeLive live;

    @BeforeEach
    void setUp() throws IOException {
        live = new FakeLive(new StreamHub(1, 10), HistoryStore.open(dir), NOW, dir);
    }

    @AfterEach
    void tearDown() throws IOException {
        live.hub.close();
        live.history.close();
    }

    @Test
    void theStreamSendsServerSentEventsUntilTheClientIsDropped() throws Exception {
        StreamServlet servlet = new StreamServlet(live);
        FakeHttp.Response resp = new FakeHttp.Response();
        Thread request = new Thread(() -> {
            try {
                servlet.service(FakeHttp.get(null, FakeHttp.VIEWER, Map.of()), resp.proxy());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        request.start();
        while (live.streamClients() == 0) {
            Thread.onSpinWait();
        }
        live.hub.publish("overview", "{\"state\":\"normal\"}");
        while (!resp.text().contains("normal")) {
            Thread.onSpinWait();
        }
        assertEquals(503, secondConsole().status, "one client at a time in this hub");
        live.hub.close();
        request.join(5000);
        assertFalse(request.isAlive(), "the request's thread ends with its client");
        assertEquals("text/event-stream", resp.contentType);
        assertEquals("retry: 3000\n\nevent: overview\ndata: {\"state\":\"normal\"}\n\n", resp.text());
    }

    private FakeHttp.Response secondConsole() throws IOException {
        FakeHttp.Response resp = new FakeHttp.Response();
        new StreamServlet(live).service(FakeHttp.get(null, FakeHttp.VIEWER, Map.of()), resp.proxy());
        return resp;
    }

    @Test
    void theStreamNeedsALoggedInUser() throws IOException {
        FakeHttp.Response resp = new FakeHttp.Response();
        new StreamServlet(live).service(FakeHttp.get(null, null, Map.of()), resp.proxy());
        assertEquals(401, resp.status);
        assertEquals(0, live.streamClients());
    }

    @Test
    void historyComesInColumnsRoundedWithNullForUnknown() throws IOException {
        double[] sample = new double[HistorySeries.count()];
        Arrays.fill(sample, 12.34567);
        sample[HistorySeries.RETURN_C.ordinal()] = Double.NaN;
        live.history.append(NOW - 1000, sample);
        live.history.append(NOW, sample);
        FakeHttp.Response resp = new FakeHttp.Response();
        new HistoryServlet(live).service(FakeHttp.get(null, FakeHttp.VIEWER,
                Map.of("series", "supply-c,return-c", "range", "1h")), resp.proxy());
        assertEquals(200, resp.status, resp.text());
        JsonNode body = JsonServlet.JSON.readTree(resp.text());
        assertEquals(1, body.get("stepSeconds").asInt());
        assertEquals(NOW / 1000 - 1, body.at("/t/0").asLong());
        assertEquals(12.346, body.at("/series/supply-c/values/1").asDouble());
        assertEquals("°C", body.at("/series/supply-c/unit").asText());
        assertTrue(body.at("/series/return-c/values/0").isNull());
        assertFalse(body.get("series").has("import-kw"), "only the series asked for");
    }

    @Test
    void anUnknownSeriesIsA400() throws IOException {
        FakeHttp.Response resp = new FakeHttp.Response();
        new HistoryServlet(live).service(FakeHttp.get(null, FakeHttp.VIEWER, Map.of("series", "x")), resp.proxy());
        assertEquals(400, resp.status);
    }
}
