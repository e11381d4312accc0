package io.containeredge.control.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against fake miners that misbehave in each way a real one can. */
class CgminerClientTest {

    private final List<FakeMiner> fakes = new ArrayList<>();
    private final CgminerClient client = new CgminerClient(Duration.ofMillis(500), 1024);

    @AfterEach
    void tearDown() throws Exception {
        for (FakeMiner f : fakes) {
            f.close();
        }
    }

    private int fake(FakeMiner f) {
        fakes.add(f);
        return f.port();
    }

    private MinerException failure(int port) {
        return assertThrows(MinerException.class, () -> client.request("127.0.0.1", port, "summary", null));
    }

    @Test
    void readsUpToNulAndParses() throws Exception {
        int port = fake(FakeMiner.answering("{\"STATUS\":[{\"STATUS\":\"S\",\"Msg\":\"Summary\"}],"
                + "\"SUMMARY\":[{\"Power\":3400}]}\u0000trailing bytes after the NUL are ignored"));
        JsonNode answer = client.request("127.0.0.1", port, "summary", null);
        assertEquals(3400, answer.path("SUMMARY").path(0).path("Power").asInt());
        assertEquals("Summary", CgminerClient.message(answer));
    }

    @Test
    void answerEndedByCloseWithoutNulIsAccepted() throws Exception {
        int port = fake(FakeMiner.answering("{\"STATUS\":[{\"STATUS\":\"S\",\"Msg\":\"ok\"}]}"));
        assertEquals("S", CgminerClient.statusCode(client.request("127.0.0.1", port, "summary", null)));
    }

    @Test
    void malformedJsonIsAClearError() throws Exception {
        int port = fake(FakeMiner.answering("<html>garbage, not JSON\u0000"));
        MinerException e = failure(port);
        assertTrue(e.getMessage().contains("malformed JSON") && e.getMessage().contains("<html>garbage"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith("summary to 127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void nonObjectAndEmptyAnswersAreErrors() throws Exception {
        assertTrue(failure(fake(FakeMiner.answering("[1,2]\u0000"))).getMessage().contains("not a JSON object"));
        assertTrue(failure(fake(FakeMiner.answering(""))).getMessage().contains("closed without an answer"));
    }

    @Test
    void oversizedAnswerIsCutOff() throws Exception {
        MinerException e = failure(fake(FakeMiner.answering("{\"x\":\"" + "a".repeat(5000) + "\"}\u0000")));
        assertTrue(e.getMessage().contains("larger than 1024 bytes"), e.getMessage());
    }

    @Test
    void errorStatusCarriesTheMinersMessage() throws Exception {
        MinerException nested = failure(fake(FakeMiner.answering(
                "{\"STATUS\":[{\"STATUS\":\"E\",\"Code\":14,\"Msg\":\"Invalid command\"}],\"id\":1}\u0000")));
        assertTrue(nested.getMessage().endsWith("miner answered STATUS E: Invalid command"), nested.getMessage());
        // Whatsminer style: STATUS at the top level
        MinerException flat = failure(fake(FakeMiner.answering("{\"STATUS\":\"E\",\"Msg\":\"invalid cmd\"}")));
        assertTrue(flat.getMessage().endsWith("STATUS E: invalid cmd"), flat.getMessage());
    }

    @Test
    void silentMinerTimesOutWithinTheTimeout() throws Exception {
        int port = fake(FakeMiner.silent());
        long t0 = System.nanoTime();
        MinerException e = failure(port);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.getMessage().contains("no answer within 500 ms"), e.getMessage());
        assertTrue(ms >= 450 && ms < 1500, "took " + ms + " ms");
    }

    @Test
    void refusedConnectionIsAClearError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // free again once closed: nothing listens there
        }
        assertTrue(failure(port).getMessage().contains("cannot connect"));
    }
}
