package io.containeredge.control.miner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.site.api.MinerDialect;
import io.containeredge.site.api.MinerDialect.Login;
import io.containeredge.site.api.MinerDialect.Request;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An http-json dialect (e.g. the Braiins OS public REST API) over the JDK's HTTP client: the dialect names
 * the methods, paths and bodies, the login that hands out a token, and where the answers hold each value.
 * The requests of one poll or command share one deadline (a login on the way included). A token is kept per
 * miner until its lifetime runs out or the miner answers 401, and then fetched again once.
 *
 * <p>An answer of status 400 or more is refused with its status and the miner's message. Thread-safe.
 */
final class HttpJsonMinerClient implements MinerClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNAUTHORIZED = 401;
    /** A token is dropped this long before the miner would, so no request carries one about to expire. */
    private static final long EXPIRY_MARGIN_NANOS = Duration.ofSeconds(30).toNanos();
    private static final int COMPLETION_THREADS = 2;

    private final MinerDialect dialect;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final HttpClient http;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, long expiresNanos) {
    }

    HttpJsonMinerClient(MinerDialect dialect, Duration timeout) {
        this.dialect = dialect;
        this.timeout = timeout;
        this.maxResponseBytes = CgminerClient.DEFAULT_MAX_RESPONSE_BYTES;
        // HTTP/1.1: miners serve plain HTTP/1.1, and an upgrade attempt would cost a round trip
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(completions()).build();
    }

    /**
     * Where the client completes its exchanges. The requests are sent synchronously from the fleet's I/O threads;
     * the client's default (an unbounded cached pool) kept a thread per concurrent exchange alive, 18 for eight
     * miners (README, "Gateway footprint"). Two threads that end when idle complete small JSON answers as fast, and
     * leave nothing behind when the component stops.
     */
    private static ExecutorService completions() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(COMPLETION_THREADS, COMPLETION_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "miner-http");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public MinerStatus status(MinerEndpoint miner, long nowMillis) throws MinerException {
        Deadline deadline = new Deadline(timeout);
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (Request r : dialect.status()) {
            answers.put(r.name(), authorized(miner, r, r.template(), deadline));
        }
        return StatusReader.read(dialect.fields(), answers, miner, nowMillis, null);
    }

    @Override
    public String execute(MinerEndpoint miner, MinerCommand command) throws MinerException {
        Request r = DialectCommands.request(dialect, command);
        String body = DialectCommands.payload(r, command);
        JsonNode answer = authorized(miner, r, body, new Deadline(timeout));
        return r.method() + " " + r.target() + ": "
                + (answer.isMissingNode() ? "done" : CgminerClient.abbreviate(answer.toString()));
    }

    /** Sends a request with the miner's token; on a 401, logs in again once and resends it. */
    private JsonNode authorized(MinerEndpoint miner, Request r, String body, Deadline deadline) throws MinerException {
        if (dialect.login().isEmpty()) {
            return answer(miner, send(miner, r.method(), r.target(), body, Optional.empty(), deadline), r.target());
        }
        Login login = dialect.login().get();
        Token token = token(miner, login, deadline);
        Response response = send(miner, r.method(), r.target(), body, Optional.of(header(login, token)), deadline);
        if (response.status() == UNAUTHORIZED) {
            tokens.remove(miner.address(), token);
            token = token(miner, login, deadline);
            response = send(miner, r.method(), r.target(), body, Optional.of(header(login, token)), deadline);
        }
        return answer(miner, response, r.target());
    }

    private static String[] header(Login login, Token token) {
        return new String[] {login.header(), login.prefix() + token.value()};
    }

    private Token token(MinerEndpoint miner, Login login, Deadline deadline) throws MinerException {
        Token kept = tokens.get(miner.address());
        if (kept != null && kept.expiresNanos() - System.nanoTime() > 0) {
            return kept;
        }
        JsonNode answer = answer(miner, send(miner, login.method(), login.path(), login.body(), Optional.empty(),
                deadline), login.path());
        JsonNode value = answer.at(login.tokenPointer());
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new MinerException(where(miner, login.path()) + ": the login answer has no token at "
                    + login.tokenPointer());
        }
        long lifetimeNanos = login.lifetimePointer().map(answer::at).filter(JsonNode::isNumber)
                .map(n -> Duration.ofSeconds(n.asLong()).toNanos() - EXPIRY_MARGIN_NANOS).orElse(Long.MAX_VALUE / 4);
        Token fresh = new Token(value.asText(), System.nanoTime() + lifetimeNanos);
        tokens.put(miner.address(), fresh);
        return fresh;
    }

    /** One HTTP answer: its status and its body as text. */
    private record Response(int status, String body) {
    }

    private Response send(MinerEndpoint miner, String method, String path, String body, Optional<String[]> auth,
            Deadline deadline) throws MinerException {
        String where = where(miner, method + " " + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + miner.address() + path))
                .timeout(deadline.left(where)).header("Accept", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        auth.ifPresent(h -> request.header(h[0], h[1]));
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(maxResponseBytes + 1);
                if (bytes.length > maxResponseBytes) {
                    throw new MinerException(where + ": answer larger than " + maxResponseBytes + " bytes");
                }
                return new Response(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (HttpConnectTimeoutException e) {
            throw new MinerException(where + ": cannot connect within " + timeout.toMillis() + " ms", e);
        } catch (HttpTimeoutException e) {
            throw new MinerException(where + ": no answer within " + timeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new MinerException(where + ": cannot connect: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MinerException(where + ": I/O error: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MinerException(where + ": interrupted", e);
        }
    }

    /** The answer's JSON; missing for an empty body; refused for a status of 400 or more, or for malformed JSON. */
    private static JsonNode answer(MinerEndpoint miner, Response response, String path) throws MinerException {
        String text = response.body().strip();
        JsonNode root;
        try {
            root = text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (response.status() < 400) {
                throw new MinerException(where(miner, path) + ": malformed JSON answer (" + e.getOriginalMessage()
                        + "): " + CgminerClient.abbreviate(text), e);
            }
            root = MissingNode.getInstance();
        }
        if (response.status() >= 400) {
            String message = root.path("message").asText(CgminerClient.abbreviate(text));
            throw new MinerException(where(miner, path) + ": miner answered HTTP " + response.status() + ": "
                    + (message.isEmpty() ? "(no message)" : message));
        }
        return root;
    }

    private static String where(MinerEndpoint miner, String what) {
        return what + " to " + miner.address();
    }
}
