package io.containeredge.control.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import io.containeredge.site.api.OpenAdrSettings;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Requests to the VTN with an OAuth2 client-credentials bearer token: the token is fetched on first use, kept until
 * shortly before the {@code expires_in} its endpoint gave, and fetched again at once when the VTN answers 401 (a token
 * the VTN ended early, or a clock that disagrees), the request then sent once more. Blocking: the VEN polls on a thread
 * of its own. Every failure is a {@link VtnException} saying what went wrong, never quoting the secret or the token.
 */
final class VtnClient {

    /** A token is renewed this share of its lifetime before it expires (at most {@link #MAX_MARGIN}). */
    private static final double RENEW_MARGIN = 0.1;
    private static final Duration MAX_MARGIN = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final OpenAdrSettings settings;
    private final Path credentialsFile;
    private final Duration timeout;
    private final LongSupplier clock;
    private String token;
    private long renewAtMillis;
    private int tokensFetched;

    /** @param dataDir what the settings' credentials file is resolved against */
    VtnClient(HttpClient http, OpenAdrSettings settings, Path dataDir, Duration timeout, LongSupplier clock) {
        this.http = http;
        this.settings = settings;
        this.credentialsFile = dataDir.resolve(settings.credentialsFile());
        this.timeout = timeout;
        this.clock = clock;
    }

    /** @param pathAndQuery below the VTN's base URL, e.g. {@code /events?skip=0&limit=50} */
    synchronized JsonNode get(String pathAndQuery) {
        return send(pathAndQuery, null);
    }

    synchronized JsonNode post(String path, JsonNode body) {
        return send(path, body);
    }

    /** How many tokens were fetched so far (for tests and the log). */
    synchronized int tokensFetched() {
        return tokensFetched;
    }

    private JsonNode send(String path, JsonNode body) {
        HttpResponse<byte[]> r = exchange(path, body, bearer());
        if (r.statusCode() == 401) {
            token = null;
            r = exchange(path, body, bearer());
        }
        return document(r, (body == null ? "GET " : "POST ") + path);
    }

    private String bearer() {
        if (token == null || clock.getAsLong() >= renewAtMillis) {
            fetchToken();
        }
        return token;
    }

    private void fetchToken() {
        VenCredentials c = VenCredentials.read(credentialsFile);
        String form = "grant_type=client_credentials&client_id=" + encode(c.clientId()) + "&client_secret="
                + encode(c.clientSecret());
        HttpRequest post = HttpRequest.newBuilder(settings.tokenUrl()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String what = "the token request to " + settings.tokenUrl();
        JsonNode answer = document(call(post, what), what);
        String access = answer.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new VtnException(200, what + " was answered without an access_token");
        }
        long now = clock.getAsLong();
        long lifetime = answer.path("expires_in").asLong(0) * 1000;
        // no expires_in: kept until the VTN refuses it
        renewAtMillis = lifetime <= 0 ? Long.MAX_VALUE
                : now + lifetime - Math.min(MAX_MARGIN.toMillis(), (long) (lifetime * RENEW_MARGIN));
        token = access;
        tokensFetched++;
    }

    private HttpResponse<byte[]> exchange(String path, JsonNode body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.vtnUrl() + path)).timeout(timeout)
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return call(b.build(), (body == null ? "GET " : "POST ") + path);
    }

    private HttpResponse<byte[]> call(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new VtnException(0, what + ": the VTN did not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VtnException(0, what + ": interrupted");
        }
    }

    /** The answer's JSON; an error status becomes a {@link VtnException} with the VTN's own words. */
    private JsonNode document(HttpResponse<byte[]> r, String what) {
        JsonNode doc;
        try {
            doc = r.body().length == 0 ? json.createObjectNode() : json.readTree(r.body());
        } catch (IOException e) {
            if (r.statusCode() < 400) {
                throw new VtnException(r.statusCode(), what + ": the VTN answered with malformed JSON");
            }
            doc = json.createObjectNode();
        }
        if (r.statusCode() >= 400) {
            String detail = doc.path("detail").asText(doc.path("error_description").asText(doc.path("title")
                    .asText(doc.path("error").asText(""))));
            throw new VtnException(r.statusCode(), what + ": HTTP " + r.statusCode()
                    + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
        return doc;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
