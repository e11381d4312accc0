package io.containeredge.control.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.site.api.AiSettings.Auth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * Requests to one BMC with its login: a Redfish session ({@code X-Auth-Token}, logged in on first use and again when
 * the BMC answers 401, deleted on {@link #logout()}) or HTTP basic auth. Every request is asynchronous and bounded by
 * the request timeout. JSON bodies both ways; an HTTP error fails the future with a {@link RedfishException}.
 */
final class BmcConnection {

    private static final String SESSIONS = "/redfish/v1/SessionService/Sessions";

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI base;
    private final Auth auth;
    private final BmcCredentials credentials;
    private final Duration timeout;
    /** The session being used or logged in to; null: none. */
    private CompletableFuture<Session> session;

    private record Session(String token, String location) {
    }

    BmcConnection(HttpClient http, ObjectMapper json, URI base, Auth auth, BmcCredentials credentials,
            Duration timeout) {
        this.http = http;
        this.json = json;
        this.base = base;
        this.auth = auth;
        this.credentials = credentials;
        this.timeout = timeout;
    }

    CompletableFuture<JsonNode> get(String path) {
        return send("GET", path, null);
    }

    CompletableFuture<JsonNode> patch(String path, JsonNode body) {
        return send("PATCH", path, body);
    }

    /** Deletes the session, if one is open; a failure is of no consequence (the BMC times it out). */
    CompletableFuture<Void> logout() {
        CompletableFuture<Session> s;
        synchronized (this) {
            s = session;
            session = null;
        }
        if (s == null || !s.isDone() || s.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(null);
        }
        Session open = s.join();
        HttpRequest delete = request(open.location()).header("X-Auth-Token", open.token()).DELETE().build();
        return http.sendAsync(delete, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> null);
    }

    private CompletableFuture<JsonNode> send(String method, String path, JsonNode body) {
        if (auth == Auth.BASIC) {
            return exchange(method, path, body, basic());
        }
        return session().thenCompose(s -> exchange(method, path, body, "X-Auth-Token", s.token())
                .thenCompose(r -> {
                    if (r.statusCode() != 401) {
                        return CompletableFuture.completedFuture(r);
                    }
                    // the BMC ended the session (timeout, reboot, an administrator): log in again, once
                    return renewed(s).thenCompose(n -> exchange(method, path, body, "X-Auth-Token", n.token()));
                }))
                .thenApply(this::document);
    }

    private CompletableFuture<JsonNode> exchange(String method, String path, JsonNode body, String[] header) {
        return exchange(method, path, body, header[0], header[1]).thenApply(this::document);
    }

    private CompletableFuture<HttpResponse<byte[]>> exchange(String method, String path, JsonNode body,
            String headerName, String headerValue) {
        HttpRequest.Builder b = request(path).header(headerName, headerValue).header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(
                    bytes(body)));
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private synchronized CompletableFuture<Session> session() {
        if (session == null || session.isCompletedExceptionally()) {
            session = login();
        }
        return session;
    }

    /** A new session unless another request already replaced the one that was refused. */
    private synchronized CompletableFuture<Session> renewed(Session refused) {
        if (session == null || session.isCompletedExceptionally()
                || (session.isDone() && session.join().equals(refused))) {
            session = login();
        }
        return session;
    }

    private CompletableFuture<Session> login() {
        JsonNode body = json.createObjectNode().put("UserName", credentials.user())
                .put("Password", credentials.password());
        HttpRequest post = request(SESSIONS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build();
        return http.sendAsync(post, HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> {
            document(r);
            String token = r.headers().firstValue("X-Auth-Token")
                    .orElseThrow(() -> new RedfishException(r.statusCode(), "session login gave no X-Auth-Token"));
            return new Session(token, r.headers().firstValue("Location").orElse(SESSIONS));
        });
    }

    private String[] basic() {
        String pair = credentials.user() + ":" + credentials.password();
        return new String[] {"Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))};
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
    }

    /** The response's JSON; an HTTP error becomes a {@link RedfishException} with the BMC's message. */
    private JsonNode document(HttpResponse<byte[]> r) {
        JsonNode doc;
        try {
            doc = r.body().length == 0 ? json.createObjectNode() : json.readTree(r.body());
        } catch (IOException e) {
            if (r.statusCode() < 400) {
                throw new RedfishException(r.statusCode(), "the BMC answered with malformed JSON");
            }
            // an error page that is not Redfish JSON: its status says enough
            doc = json.createObjectNode();
        }
        if (r.statusCode() >= 400) {
            JsonNode error = doc.path("error");
            String message = error.path("@Message.ExtendedInfo").path(0).path("Message")
                    .asText(error.path("message").asText(""));
            throw new RedfishException(r.statusCode(), message);
        }
        return doc;
    }

    private byte[] bytes(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
