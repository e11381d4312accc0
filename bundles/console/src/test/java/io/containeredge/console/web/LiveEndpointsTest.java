package io.containeredge.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.console.history.HistorySeries;
import io.containeredge.console.history.HistoryStore;
import io.containeredge.console.stream.StreamHub;
import io.containeredge.http.testing.FakeResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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
        FakeResponse resp = new FakeResponse();
        Thread request = new Thread(() -> {
            try {
                servlet.service(ConsoleRequests.get(null, ConsoleRequests.VIEWER), resp);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        request.start();
        while (live.streamClients() == 0) {
            Thread.onSpinWait();
        }
        live.hub.publish("overview", "{\"state\":\"normal\"}");
        while (!resp.body().contains("normal")) {
            Thread.onSpinWait();
        }
        assertEquals(503, secondConsole().getStatus(), "one client at a time in this hub");
        live.hub.close();
        request.join(5000);
        assertFalse(request.isAlive(), "the request's thread ends with its client");
        assertEquals("text/event-stream", resp.getContentType());
        assertEquals("retry: 3000\n\nevent: overview\ndata: {\"state\":\"normal\"}\n\n", resp.body());
    }

    private FakeResponse secondConsole() throws IOException {
        FakeResponse resp = new FakeResponse();
        new StreamServlet(live).service(ConsoleRequests.get(null, ConsoleRequests.VIEWER), resp);
        return resp;
    }

    @Test
    void theStreamNeedsALoggedInUser() throws IOException {
        FakeResponse resp = new FakeResponse();
        new StreamServlet(live).service(ConsoleRequests.get(null, null), resp);
        assertEquals(401, resp.getStatus());
        assertEquals(0, live.streamClients());
    }

    @Test
    void historyComesInColumnsRoundedWithNullForUnknown() throws IOException {
        double[] sample = new double[HistorySeries.count()];
        Arrays.fill(sample, 12.34567);
        sample[HistorySeries.RETURN_C.ordinal()] = Double.NaN;
        live.history.append(NOW - 1000, sample);
        live.history.append(NOW, sample);
        FakeResponse resp = new FakeResponse();
        new HistoryServlet(live).service(ConsoleRequests.get(null, ConsoleRequests.VIEWER)
                .parameter("series", "supply-c,return-c").parameter("range", "1h"), resp);
        assertEquals(200, resp.getStatus(), resp.body());
        JsonNode body = resp.json();
        assertEquals(1, body.get("stepSeconds").asInt());
        assertEquals(NOW / 1000 - 1, body.at("/t/0").asLong());
        assertEquals(12.346, body.at("/series/supply-c/values/1").asDouble());
        assertEquals("°C", body.at("/series/supply-c/unit").asText());
        assertTrue(body.at("/series/return-c/values/0").isNull());
        assertFalse(body.get("series").has("import-kw"), "only the series asked for");
    }

    @Test
    void anUnknownSeriesIsA400() throws IOException {
        FakeResponse resp = new FakeResponse();
        new HistoryServlet(live).service(ConsoleRequests.get(null, ConsoleRequests.VIEWER).parameter("series", "x"), resp);
        assertEquals(400, resp.getStatus());
    }
}
