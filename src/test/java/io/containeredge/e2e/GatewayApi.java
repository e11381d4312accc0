package io.containeredge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway's JSON API as a test sees it: by default as the technician API token every test gateway
 * accepts ({@link TestApiTokens}).
 */
final class GatewayApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private final String token;

    GatewayApi(int port) {
        this(port, TestApiTokens.TECHNICIAN);
    }

    private GatewayApi(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** The HTTP port on loopback. */
    int port() {
        return port;
    }

    /** The same API with the administrator token: for what a technician may not do. */
    GatewayApi asAdmin() {
        return new GatewayApi(port, TestApiTokens.ADMIN);
    }

    /** The same API with no credentials at all. */
    GatewayApi anonymous() {
        return new GatewayApi(port, null);
    }

    HttpResponse<String> request(String method, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with a JSON body. */
    HttpResponse<String> post(String path, JsonNode body) throws IOException, InterruptedException {
        return post(path, JSON.writeValueAsString(body));
    }

    /** A temporary import cap, e.g. {@code {"kw": 150, "minutes": 10}}: the body as written, valid or not. */
    HttpResponse<String> importCap(String json) throws IOException, InterruptedException {
        return post("/api/v1/control/import-cap", json);
    }

    /** Lifts the import cap override; the answer says whether one was in force. */
    HttpResponse<String> liftImportCap() throws IOException, InterruptedException {
        return request("DELETE", "/api/v1/control/import-cap");
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = request("GET", path);
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode point(String device, String name) throws IOException, InterruptedException {
        for (JsonNode p : get("/api/v1/snapshot").get("points")) {
            if (p.get("device").asText().equals(device) && p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no point " + device + "/" + name);
    }

    JsonNode device(String id) throws IOException, InterruptedException {
        for (JsonNode d : get("/api/v1/devices").get("devices")) {
            if (d.get("device").asText().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("no device " + id);
    }
}
