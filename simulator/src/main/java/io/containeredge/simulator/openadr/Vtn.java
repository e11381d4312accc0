package io.containeredge.simulator.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.containeredge.simulator.openadr.VtnObjects.Kind;
import io.containeredge.site.api.OpenAdrSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A simulated OpenADR 3 VTN over http on a loopback port: {@code POST <base>/auth/token} (client credentials, form
 * encoded), and with a bearer token {@code GET /programs}, {@code GET /events}, {@code GET|POST /vens},
 * {@code GET|POST /reports}. An unknown or expired token is answered 401. For tests and the demo: publish, update and
 * cancel events, read the reports and vens, expire the tokens, take the VTN down and back up on the same port. For a
 * person watching the demo, {@code POST <base>/sim/adr-event?kw=..&minutes=..} (no token, loopback only) publishes an
 * import limit starting in a minute.
 */
public final class Vtn implements AutoCloseable {

    private static final int MAX_BODY = 256 * 1024;
    /** The program of a site that names none, and of the demo's events. */
    public static final String DEMO_PROGRAM = "demo-dr";

    private final InetSocketAddress address;
    private final String basePath;
    private final VtnObjects objects;
    private final VtnTokens tokens;
    private final LongSupplier clock;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService executor;
    private HttpServer server;
    private volatile boolean refuseReports;
    /** The port served on, kept while the VTN is down so it comes back on it. */
    private int boundPort;

    private Vtn(InetSocketAddress address, String basePath, VtnTokens tokens, LongSupplier clock) {
        this.address = address;
        this.basePath = basePath;
        this.tokens = tokens;
        this.clock = clock;
        this.objects = new VtnObjects(clock);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vtn-sim");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts serving.
     *
     * @param address a loopback address; port 0: one the system picks
     * @param basePath the API's path, e.g. {@code /openadr3/3.0.1}
     * @param clock wall-clock milliseconds: token expiry and the objects' times
     * @throws IllegalArgumentException for an address that is not loopback
     */
    public static Vtn start(InetSocketAddress address, String basePath, String clientId, String clientSecret,
            Duration tokenLifetime, LongSupplier clock) throws IOException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to serve the VTN on " + address.getAddress().getHostAddress()
                    + ": the simulator only binds loopback addresses");
        }
        Vtn vtn = new Vtn(address, basePath, new VtnTokens(clientId, clientSecret, tokenLifetime, clock), clock);
        vtn.bind(address);
        return vtn;
    }

    /**
     * The VTN a site's VEN polls ({@code grid.openAdr} with a loopback http {@code vtnUrl}), serving its path with a
     * client made up for this run (the launcher writes it where the site names its credentials file), tokens of 15
     * minutes and the site's programs ({@value #DEMO_PROGRAM} when it names none).
     *
     * @param ephemeral a port the system picks instead of the URL's (tests)
     */
    public static Vtn forSite(OpenAdrSettings settings, boolean ephemeral) throws IOException {
        URI url = settings.vtnUrl();
        InetAddress host = InetAddress.getByName(url.getHost());
        int port = ephemeral ? 0 : url.getPort() < 0 ? 80 : url.getPort();
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Vtn vtn = start(new InetSocketAddress(host, port), url.getRawPath(), "ven-" + settings.venName(), secret,
                Duration.ofMinutes(15), System::currentTimeMillis);
        (settings.programs().isEmpty() ? List.of(DEMO_PROGRAM) : settings.programs()).forEach(vtn::program);
        return vtn;
    }

    private synchronized void bind(InetSocketAddress at) throws IOException {
        server = HttpServer.create(at, 0);
        server.setExecutor(executor);
        server.createContext(basePath + "/", this::handle);
        server.start();
        boundPort = server.getAddress().getPort();
    }

    public synchronized int port() {
        return boundPort;
    }

    /** The VEN's {@code vtnUrl}. */
    public URI url() {
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + port() + basePath);
    }

    public URI tokenUrl() {
        return URI.create(url() + OpenAdrSettings.TOKEN_PATH);
    }

    /** The program of that name, created when there is none yet; returns its id. */
    public synchronized String program(String name) {
        return objects.all(Kind.PROGRAM).stream().filter(p -> name.equals(p.path("programName").asText()))
                .map(p -> p.get("id").asText()).findFirst().orElseGet(() -> {
                    ObjectNode p = json.createObjectNode().put("programName", name);
                    return objects.add(Kind.PROGRAM, p);
                });
    }

    /** Publishes an event (any JSON object, malformed ones too: tests need them); returns its id. */
    public String publish(ObjectNode event) {
        return objects.add(Kind.EVENT, event.deepCopy());
    }

    /** Publishes an event written as JSON text. */
    public String publish(String eventJson) throws IOException {
        return publish((ObjectNode) json.readTree(eventJson));
    }

    /** Replaces an event's content, as a utility revising it; false when there is no such event. */
    public boolean update(String eventId, ObjectNode event) {
        return objects.update(Kind.EVENT, eventId, event.deepCopy());
    }

    /** Cancels an event: it is deleted, as the OpenADR 3 API does it; false when there is no such event. */
    public boolean cancel(String eventId) {
        return objects.remove(Kind.EVENT, eventId);
    }

    /**
     * An import limit of {@code kw} for {@code minutes} starting in a minute, in the VTN's first program
     * ({@value #DEMO_PROGRAM} when it has none): what a person triggers in the demo.
     */
    public String importLimitSoon(double kw, int minutes) {
        Instant start = Instant.ofEpochMilli(clock.getAsLong()).plusSeconds(60);
        String program = objects.all(Kind.PROGRAM).stream().map(p -> p.get("id").asText()).findFirst()
                .orElseGet(() -> program(DEMO_PROGRAM));
        return publish(VtnEvents.importLimit(program, "import limit " + Math.round(kw) + " kW", kw, start,
                Duration.ofMinutes(minutes)));
    }

    public List<JsonNode> events() {
        return objects.all(Kind.EVENT);
    }

    public List<JsonNode> reports() {
        return objects.all(Kind.REPORT);
    }

    public List<JsonNode> vens() {
        return objects.all(Kind.VEN);
    }

    /** How long the tokens issued from now on last (the {@code expires_in} answered). */
    public void tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
    }

    /** From now on every report is answered 400, as a VTN that does not take what the VEN sends. */
    public void refuseReports(boolean refuse) {
        refuseReports = refuse;
    }

    /** Every token issued so far is expired now: the next request with one is answered 401. */
    public void expireTokens() {
        tokens.expireAll();
    }

    public int tokensIssued() {
        return tokens.issued();
    }

    /** The VTN goes down: its port refuses connections until {@link #resume()}. What it holds is kept. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The VTN is back on the port it had. */
    public synchronized void resume() throws IOException {
        if (server == null) {
            bind(new InetSocketAddress(address.getAddress(), boundPort));
        }
    }

    /** Writes the credentials file the site names, so that the gateway's VEN logs in to this VTN. */
    public void writeSiteFiles(OpenAdrSettings settings, Path dataDir) throws IOException {
        Path file = dataDir.resolve(settings.credentialsFile());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, tokens.credentialsLine() + "\n", StandardCharsets.UTF_8);
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    public List<String> describe() {
        return List.of("openadr3 vtn on " + url() + " (token " + tokenUrl() + ", lifetime "
                + tokens.lifetime().toSeconds() + " s; POST " + url() + "/sim/adr-event?kw=K&minutes=M publishes an"
                + " import limit starting in a minute)");
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath().substring(basePath.length());
            Map<String, String> query = form(x.getRequestURI().getRawQuery());
            String method = x.getRequestMethod();
            if (path.equals(OpenAdrSettings.TOKEN_PATH) && method.equals("POST")) {
                token(x);
            } else if (path.equals("/sim/adr-event") && method.equals("POST")) {
                String id = importLimitSoon(Double.parseDouble(query.getOrDefault("kw", "500")),
                        Integer.parseInt(query.getOrDefault("minutes", "10")));
                send(x, 201, json.createObjectNode().put("id", id));
            } else if (!tokens.valid(bearer(x))) {
                send(x, 401, problem(401, "Unauthorized", "no valid bearer token: fetch one at " + tokenUrl()));
            } else {
                api(x, method, path, query);
            }
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            send(x, 400, problem(400, "Bad Request", String.valueOf(e.getMessage())));
        } finally {
            x.close();
        }
    }

    private void api(HttpExchange x, String method, String path, Map<String, String> q) throws IOException {
        int skip = Integer.parseInt(q.getOrDefault("skip", "0"));
        int limit = Math.min(VtnObjects.MAX_LIMIT, Integer.parseInt(q.getOrDefault("limit",
                String.valueOf(VtnObjects.MAX_LIMIT))));
        String key = method + " " + path;
        switch (key) {
            case "GET /programs" -> list(x, Kind.PROGRAM, o -> true, skip, limit);
            case "GET /events" -> list(x, Kind.EVENT, matches("programID", q.get("programID")), skip, limit);
            case "GET /vens" -> list(x, Kind.VEN, matches("venName", q.get("venName")), skip, limit);
            case "GET /reports" -> list(x, Kind.REPORT, matches("eventID", q.get("eventID")), skip, limit);
            case "POST /vens" -> create(x, Kind.VEN, "venName");
            case "POST /reports" -> {
                if (refuseReports) {
                    send(x, 400, problem(400, "Bad Request", "reports are refused (simulated)"));
                } else {
                    create(x, Kind.REPORT, "eventID");
                }
            }
            default -> send(x, 404, problem(404, "Not Found", key + " is not served by this VTN"));
        }
    }

    private static Predicate<JsonNode> matches(String field, String wanted) {
        return o -> wanted == null || wanted.equals(o.path(field).asText());
    }

    private void list(HttpExchange x, Kind kind, Predicate<JsonNode> filter, int skip, int limit) throws IOException {
        send(x, 200, json.valueToTree(objects.page(kind, filter, skip, limit)));
    }

    private void create(HttpExchange x, Kind kind, String required) throws IOException {
        JsonNode body = json.readTree(body(x));
        if (!(body instanceof ObjectNode o) || !o.path(required).isTextual()) {
            send(x, 400, problem(400, "Bad Request", "a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs " + required));
            return;
        }
        if (kind == Kind.VEN && !objects.page(Kind.VEN, matches("venName", o.get("venName").asText()), 0, 1)
                .isEmpty()) {
            send(x, 409, problem(409, "Conflict", "a ven named " + o.get("venName").asText() + " exists"));
            return;
        }
        objects.add(kind, o);
        send(x, 201, o);
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> f = form(new String(body(x), StandardCharsets.UTF_8));
        if (!"client_credentials".equals(f.get("grant_type"))) {
            send(x, 400, json.createObjectNode().put("error", "unsupported_grant_type"));
            return;
        }
        String token = tokens.issue(f.get("client_id"), f.get("client_secret"));
        if (token == null) {
            send(x, 400, json.createObjectNode().put("error", "invalid_client")
                    .put("error_description", "unknown client id or wrong secret"));
            return;
        }
        send(x, 200, json.createObjectNode().put("access_token", token).put("token_type", "Bearer")
                .put("expires_in", tokens.lifetime().toSeconds()));
    }

    private static String bearer(HttpExchange x) {
        String h = x.getRequestHeaders().getFirst("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
    }

    private ObjectNode problem(int status, String title, String detail) {
        return json.createObjectNode().put("title", title).put("status", status).put("detail", detail);
    }

    private static Map<String, String> form(String text) {
        Map<String, String> out = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static byte[] body(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new IllegalArgumentException("request body above " + MAX_BODY + " bytes");
            }
            return b;
        }
    }

    private void send(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }
}
