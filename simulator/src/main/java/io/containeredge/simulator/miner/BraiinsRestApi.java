package io.containeredge.simulator.miner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.simulator.physics.ContainerModel;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Braiins OS-style public REST API of a simulated miner: JSON over HTTP under {@code /api/v1}, in the shape
 * of the real firmware's REST form (a login that hands out a token, then the token in the
 * {@code Authorization} header, as it is, on every other request). This is the firmware, not the gateway's
 * dialect document: it answers what it answers whatever a dialect file says.
 * <ul>
 *   <li>{@code POST /api/v1/auth/login} {@code {"username":"root","password":""}} (the factory account without a
 *       password): {@code {"token": ..., "timeout_s": 3600}}; other credentials 401.</li>
 *   <li>{@code GET /api/v1/miner/details}: {@code status} (2 normal: hashing, waking or booting; 3 paused:
 *       going to sleep or asleep; 4 suspended: overheat shutdown) and {@code detailed_status} with
 *       {@code pause_reason} ("paused by API", the overheat shutdown, or "not paused") and {@code state}.</li>
 *   <li>{@code GET /api/v1/miner/stats}: {@code miner_stats.real_hashrate.last_5s.gigahash_per_second} (the unit's
 *       hashrate at its present power, from its model's curve) and
 *       {@code power_stats.approximated_consumption.watt}.</li>
 *   <li>{@code GET /api/v1/cooling/state}: {@code highest_temperature.temperature.degree_c} (hottest chip).</li>
 *   <li>{@code GET} / {@code PUT /api/v1/performance/power-target} {@code {"watt": N}}: within the unit's
 *       power-target range, else 400 naming the range.</li>
 *   <li>{@code PUT /api/v1/actions/pause} and {@code /resume}: like cgminer's sleep and wakeup (the model's sleep
 *       and wake times); the answer is {@code true} when the miner already was paused (resumed).</li>
 * </ul>
 * Errors: 400 for a body that is not the expected JSON, 401 without a valid token, 404 for an unknown path,
 * 405 for a known path with another method; their body is {@code {"message": ...}}. Never an exception.
 */
public final class BraiinsRestApi {

    /** The factory account of the firmware. */
    public static final String USER = "root";
    public static final String PASSWORD = "";
    public static final int TOKEN_LIFETIME_S = 3600;
    static final String PREFIX = "/api/v1/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom TOKENS = new SecureRandom();

    private final ContainerModel model;
    /** The tokens each miner handed out (a token opens only the miner that issued it). */
    private final Map<Integer, Set<String>> issued = new ConcurrentHashMap<>();

    /** One answer: an HTTP status and its JSON body. */
    public record Answer(int status, String json) {
    }

    public BraiinsRestApi(ContainerModel model) {
        this.model = model;
    }

    /**
     * @param authorization the request's Authorization header, or null
     * @param body the request body, "" for none
     */
    public Answer handle(int index, String method, String path, String authorization, String body) {
        String route = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        if (route.equals("auth/login")) {
            return method.equals("POST") ? login(index, body) : notAllowed(method, path);
        }
        if (!Set.of("miner/details", "miner/stats", "cooling/state", "performance/power-target", "actions/pause",
                "actions/resume").contains(route)) {
            return message(404, "no such path: " + path);
        }
        if (authorization == null || !issued.getOrDefault(index, Set.of()).contains(authorization.strip())) {
            return message(401, "unauthorized: log in at " + PREFIX + "auth/login and send its token");
        }
        synchronized (model) {
            Miner m = model.miner(index);
            return switch (method + " " + route) {
                case "GET miner/details" -> ok(BraiinsResponses.details(JSON, m, index));
                case "GET miner/stats" -> ok(BraiinsResponses.stats(JSON, m));
                case "GET cooling/state" -> ok(BraiinsResponses.cooling(JSON, m));
                case "GET performance/power-target" -> ok(BraiinsResponses.watt(JSON, m.targetW()));
                case "PUT performance/power-target" -> powerTarget(m, body);
                case "PUT actions/pause" -> pause(m);
                case "PUT actions/resume" -> resume(m);
                default -> notAllowed(method, path);
            };
        }
    }

    private Answer login(int index, String body) {
        JsonNode credentials = parse(body);
        if (credentials == null || !credentials.path("username").isTextual() || !credentials.path("password").isTextual()) {
            return message(400, "expected {\"username\": ..., \"password\": ...}");
        }
        if (!credentials.get("username").asText().equals(USER) || !credentials.get("password").asText().equals(PASSWORD)) {
            return message(401, "invalid username or password");
        }
        byte[] bytes = new byte[16];
        TOKENS.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        issued.computeIfAbsent(index, i -> ConcurrentHashMap.newKeySet()).add(token);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("token", token);
        answer.put("timeout_s", TOKEN_LIFETIME_S);
        return ok(answer);
    }

    private static Answer powerTarget(Miner m, String body) {
        JsonNode request = parse(body);
        if (request == null || !request.path("watt").isNumber()) {
            return message(400, "expected {\"watt\": <number>}");
        }
        double watts = request.get("watt").asDouble();
        if (!m.setPowerTarget(watts)) {
            return message(400, String.format(Locale.ROOT, "power target %.0f W out of range %.0f..%.0f W", watts,
                    m.minTargetW(), m.maxTargetW()));
        }
        return ok(BraiinsResponses.watt(JSON, watts));
    }

    private static Answer pause(Miner m) {
        boolean already = BraiinsResponses.paused(m.state());
        m.sleep();
        return new Answer(200, Boolean.toString(already));
    }

    private static Answer resume(Miner m) {
        boolean already = !BraiinsResponses.paused(m.state());
        m.wakeup();
        return new Answer(200, Boolean.toString(already));
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Answer ok(JsonNode body) {
        return new Answer(200, body.toString());
    }

    private static Answer notAllowed(String method, String path) {
        return message(405, method + " is not allowed on " + path);
    }

    private static Answer message(int status, String text) {
        return new Answer(status, JSON.createObjectNode().put("message", text).toString());
    }
}
