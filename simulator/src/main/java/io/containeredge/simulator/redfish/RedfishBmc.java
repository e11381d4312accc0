package io.containeredge.simulator.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * One simulated GPU server's BMC: a Redfish service over HTTPS on a loopback port. Logs in with a session
 * ({@code X-Auth-Token}) or HTTP basic auth, serves the chassis' power reading and cap in its {@link BmcDialect}, and
 * takes caps by PATCH. Faults: answers every request with 503, or accepts requests and never answers.
 */
public final class RedfishBmc implements AutoCloseable {

    private static final int MAX_BODY = 64 * 1024;
    private static final SecureRandom TOKENS = new SecureRandom();

    private final String serverId;
    private final HttpsServer server;
    private final RedfishResources resources;
    private final GpuPowerModel model;
    private final LongSupplier clock;
    private final String user;
    private final String password;
    private final ObjectMapper json = new ObjectMapper();
    /** Session token to session id. */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private volatile boolean unavailable;
    private volatile boolean hang;

    /**
     * @param clock simulated time in ms, the power model's time
     * @param executor runs the requests (shared by all BMCs of a simulator)
     */
    RedfishBmc(String serverId, String chassisId, InetSocketAddress address, BmcDialect dialect, GpuPowerModel model,
            LongSupplier clock, String user, String password, BmcCertificate tls, Executor executor)
            throws IOException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to serve the BMC of " + serverId + " on "
                    + address.getAddress().getHostAddress() + ": the simulator only binds loopback addresses");
        }
        this.serverId = serverId;
        this.model = model;
        this.clock = clock;
        this.user = user;
        this.password = password;
        this.resources = new RedfishResources(json, serverId, chassisId, dialect, model, user);
        this.server = HttpsServer.create(address, 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String serverId() {
        return serverId;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public BmcDialect dialect() {
        return resources.dialect();
    }

    public GpuPowerModel model() {
        return model;
    }

    public void setUnavailable(boolean v) {
        unavailable = v;
    }

    public void setHang(boolean v) {
        hang = v;
    }

    /** Live sessions, as a test checks that a client logged out. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Ends every session, as a BMC reboot or an administrator does: clients must log in again. */
    public void dropSessions() {
        sessions.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (hang) {
            // accepted and never answered: the client's request timeout is all that ends it
            return;
        }
        try (exchange) {
            if (unavailable) {
                exchange.getResponseHeaders().set("Retry-After", "5");
                error(exchange, 503, "ServiceTemporarilyUnavailable", "The BMC is temporarily unavailable.");
                return;
            }
            route(exchange);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && path.equals(RedfishResources.SESSIONS)) {
            login(exchange);
            return;
        }
        if (!path.equals(RedfishResources.ROOT) && !authorized(exchange)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Redfish\"");
            error(exchange, 401, "NoValidSession", "There is no valid session established with the implementation.");
            return;
        }
        switch (method) {
            case "GET" -> get(exchange, path);
            case "PATCH" -> patch(exchange, path);
            case "DELETE" -> logout(exchange, path);
            default -> error(exchange, 405, "OperationNotAllowed", "The HTTP method is not allowed on this resource.");
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
        if (token != null) {
            return sessions.containsKey(token);
        }
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic == null || !basic.startsWith("Basic ")) {
            return false;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8);
            return pair.equals(user + ":" + password);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void get(HttpExchange exchange, String path) throws IOException {
        Optional<ObjectNode> doc = resources.get(path, clock.getAsLong(), sessions.values());
        if (doc.isEmpty()) {
            error(exchange, 404, "ResourceMissingAtURI", "The resource at the URI " + path + " was not found.");
        } else {
            send(exchange, 200, doc.get());
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        Optional<JsonNode> body = body(exchange);
        if (body.isEmpty()) {
            return;
        }
        if (!user.equals(body.get().path("UserName").asText()) || !password.equals(body.get().path("Password").asText())) {
            error(exchange, 401, "ResourceAtUriUnauthorized", "The user name or password is not valid.");
            return;
        }
        String token = HexFormat.of().formatHex(TOKENS.generateSeed(16));
        String id = token.substring(0, 8);
        sessions.put(token, id);
        exchange.getResponseHeaders().set("X-Auth-Token", token);
        exchange.getResponseHeaders().set("Location", RedfishResources.SESSIONS + "/" + id);
        send(exchange, 201, resources.session(id));
    }

    private void logout(HttpExchange exchange, String path) throws IOException {
        String prefix = RedfishResources.SESSIONS + "/";
        if (path.startsWith(prefix) && sessions.values().remove(path.substring(prefix.length()))) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            error(exchange, 404, "ResourceMissingAtURI", "The resource at the URI " + path + " was not found.");
        }
    }

    private void patch(HttpExchange exchange, String path) throws IOException {
        boolean control = resources.dialect() == BmcDialect.CONTROLS && path.equals(resources.controlPath());
        boolean power = resources.dialect() == BmcDialect.POWER && path.equals(resources.powerPath());
        if (!control && !power) {
            error(exchange, 405, "OperationNotAllowed", "The resource at " + path + " cannot be patched.");
            return;
        }
        Optional<JsonNode> body = body(exchange);
        if (body.isEmpty()) {
            return;
        }
        JsonNode watts = control ? body.get().path("SetPoint")
                : body.get().path("PowerControl").path(0).path("PowerLimit").path("LimitInWatts");
        String property = control ? "SetPoint" : "LimitInWatts";
        if (!watts.isNumber()) {
            error(exchange, 400, "PropertyValueTypeError", "The value for the property " + property
                    + " is missing or not a number.");
            return;
        }
        double w = watts.asDouble();
        if (w < model.minCapW() || w > model.ratedW()) {
            error(exchange, 400, "PropertyValueOutOfRange", "The value " + w + " for the property " + property
                    + " is not in the supported range " + model.minCapW() + " to " + model.ratedW() + ".");
            return;
        }
        long t = clock.getAsLong();
        model.setCap(w, t);
        send(exchange, 200, resources.get(path, t, sessions.values()).orElseThrow());
    }

    /** The request's JSON object; empty (and a 400 already sent) when it is not one. */
    private Optional<JsonNode> body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            JsonNode node = bytes.length > MAX_BODY ? null : json.readTree(bytes);
            if (node != null && node.isObject()) {
                return Optional.of(node);
            }
        } catch (IOException e) {
            // malformed JSON: answered below like any other body that is not an object
        }
        error(exchange, 400, "MalformedJSON", "The request body submitted was malformed JSON.");
        return Optional.empty();
    }

    private void error(HttpExchange exchange, int status, String messageId, String message) throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", "Base.1.16." + messageId).put("message", message);
        error.putArray("@Message.ExtendedInfo").addObject().put("MessageId", "Base.1.16." + messageId)
                .put("Message", message).put("Severity", "Warning");
        send(exchange, status, body);
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("OData-Version", "4.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
