package io.containeredge.control.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.site.api.MinerDialect;
import io.containeredge.site.api.MinerDialects;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The http-json client's token handling and refusals, against a scripted REST miner on loopback (the
 * simulator's firmware never expires a token or sends garbage): the braiins-rest dialect as shipped.
 */
class HttpJsonMinerClientTest {

    private static final MinerDialect BRAIINS = MinerDialects.builtIn().get("braiins-rest").orElseThrow();
    private static final String DETAILS = "{\"status\": 3, \"detailed_status\": {\"pause_reason\": \"paused by API\"}}";

    private HttpServer server;
    private final AtomicInteger logins = new AtomicInteger();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    /** The token the scripted miner accepts now; a login hands out the next one. */
    private volatile String valid = "none";
    private volatile String loginAnswer = null;
    private volatile String detailsAnswer = DETAILS;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath();
        seen.add(x.getRequestMethod() + " " + path + " " + x.getRequestHeaders().getFirst("Authorization") + " " + body);
        if (path.equals("/api/v1/auth/login")) {
            valid = "tok" + logins.incrementAndGet();
            reply(x, 200, loginAnswer != null ? loginAnswer : "{\"token\": \"" + valid + "\", \"timeout_s\": 3600}");
        } else if (!valid.equals(x.getRequestHeaders().getFirst("Authorization"))) {
            reply(x, 401, "{\"message\": \"unauthorized\"}");
        } else if (path.equals("/api/v1/miner/details")) {
            reply(x, 200, detailsAnswer);
        } else if (path.equals("/api/v1/performance/power-target") && x.getRequestMethod().equals("PUT")) {
            reply(x, 200, body);
        } else {
            reply(x, 200, "{}");
        }
    }

    private static void reply(HttpExchange x, int status, String json) throws IOException {
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    private MinerEndpoint miner() {
        return new MinerEndpoint(3, "127.0.0.1", server.getAddress().getPort(), 3500, 0, BRAIINS);
    }

    private final HttpJsonMinerClient client = new HttpJsonMinerClient(BRAIINS, Duration.ofMillis(800));

    @Test
    void logsInOnceAndKeepsTheTokenAcrossPolls() throws MinerException {
        MinerStatus first = client.status(miner(), 1);
        client.status(miner(), 2);
        assertEquals(1, logins.get());
        assertEquals(MinerMode.SLEEPING, first.mode());
        assertEquals("paused by API", first.pauseReason());
        assertEquals(3500, first.powerW(), "no power in the answers: the rated power");
        assertTrue(seen.get(0).endsWith("{\"username\": \"root\", \"password\": \"\"}"), seen.get(0));
        assertEquals("GET /api/v1/miner/details tok1 ", seen.get(1), "the token as it is, no scheme");
    }

    @Test
    void aRefusedTokenIsReplacedOnceAndTheRequestResent() throws MinerException {
        client.status(miner(), 1);
        valid = "rotated by the miner";
        String message = client.execute(miner(), MinerCommand.powerTarget(3, 2450.4));
        assertEquals(2, logins.get());
        assertEquals("PUT /api/v1/performance/power-target: '{\"watt\":2450}'", message, "whole watts in the body");
    }

    @Test
    void aLoginAnswerWithoutATokenIsRefused() {
        loginAnswer = "{\"session\": \"x\"}";
        MinerException e = assertThrows(MinerException.class, () -> client.status(miner(), 1));
        assertTrue(e.getMessage().endsWith("the login answer has no token at /token"), e.getMessage());
    }

    @Test
    void malformedJsonIsRefusedAndAnErrorStatusCarriesTheMinersMessage() {
        detailsAnswer = "<html>oops</html>";
        MinerException e = assertThrows(MinerException.class, () -> client.status(miner(), 1));
        assertTrue(e.getMessage().contains("malformed JSON answer"), e.getMessage());
        MinerDialect other = new MinerDialect("other", "no login", MinerDialect.Transport.HTTP_JSON, Optional.empty(),
                BRAIINS.status(), BRAIINS.sleep(), BRAIINS.wake(), BRAIINS.powerTarget(), BRAIINS.fields());
        MinerEndpoint withoutLogin = new MinerEndpoint(3, "127.0.0.1", server.getAddress().getPort(), 3500, 0, other);
        e = assertThrows(MinerException.class,
                () -> new HttpJsonMinerClient(other, Duration.ofMillis(800)).execute(withoutLogin, MinerCommand.sleep(3)));
        assertTrue(e.getMessage().endsWith("miner answered HTTP 401: unauthorized"), e.getMessage());
    }
}
