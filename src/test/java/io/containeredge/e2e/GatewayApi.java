package io.containeredge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The gateway's JSON API as a test sees it. */
final class GatewayApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;

    GatewayApi(int port) {
        this.port = port;
    }

    HttpResponse<String> request(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
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
