package io.containeredge.coordinator.limits;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The site's limits as kept in ZooKeeper: {@code {"limits":[{"id","kw","from","until","reason","by","setAt"}],
 * "requests":[{"id","at"}]}}, times in epoch ms; {@code requests} are the signed site requests done in the last
 * {@link #REQUEST_MEMORY} (a request lives at most {@link SiteRequestDesk#LONGEST_LIFE}: one replayed within its life
 * is found here, whichever coordinator got it first). Read strictly (unknown or duplicate fields, a second limit of one
 * id, trailing text: refused), because whoever can write the node by hand could otherwise leave a limit the
 * coordinators read differently.
 *
 * @param requests the ids ({@code keyId/requestId}) of the signed requests done lately, oldest first
 */
public record SiteLimits(List<SiteLimit> limits, List<Done> requests) {

    public static final SiteLimits NONE = new SiteLimits(List.of());
    /** How long a done request's id is kept: longer than any request may live, and its clock skew. */
    static final long REQUEST_MEMORY = SiteRequestDesk.LONGEST_LIFE.toMillis() + 60_000;
    /** More limits than any site schedules at once: a node holding more was not written by this code. */
    public static final int MAX_LIMITS = 100;
    /** More signed requests in {@link #REQUEST_MEMORY} than any aggregator sends: the node stays small. */
    public static final int MAX_DONE = 2000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("id", "kw", "from", "until", "reason", "by", "setAt");

    /** A signed request done at {@code atMillis}, by {@code keyId/requestId}. */
    public record Done(String id, long atMillis) {
    }

    /** Limits without any request done lately (the command line's, a test's). */
    public SiteLimits(List<SiteLimit> limits) {
        this(limits, List.of());
    }

    public SiteLimits {
        limits = List.copyOf(limits);
        requests = List.copyOf(requests);
        Set<String> ids = new HashSet<>();
        for (SiteLimit l : limits) {
            if (!ids.add(l.id())) {
                throw new IllegalArgumentException("two limits with id " + l.id());
            }
        }
        if (limits.size() > MAX_LIMITS) {
            throw new IllegalArgumentException("more than " + MAX_LIMITS + " limits");
        }
    }

    /** The lowest limit in force at {@code nowMillis}, empty when none is. */
    public Optional<SiteLimit> inForce(long nowMillis) {
        return limits.stream().filter(l -> l.inForceAt(nowMillis)).min(Comparator.comparingDouble(SiteLimit::kw));
    }

    /** With {@code limit} added, or in place of the one with its id; limits that ended before {@code nowMillis} dropped. */
    public SiteLimits with(SiteLimit limit, long nowMillis) {
        List<SiteLimit> next = new ArrayList<>(current(nowMillis));
        next.removeIf(l -> l.id().equals(limit.id()));
        next.add(limit);
        next.sort(Comparator.comparingLong(SiteLimit::fromMillis).thenComparing(SiteLimit::id));
        return new SiteLimits(next, requests);
    }

    /** Without the limit of {@code id} (ended early); limits that ended before {@code nowMillis} dropped. */
    public SiteLimits without(String id, long nowMillis) {
        List<SiteLimit> next = new ArrayList<>(current(nowMillis));
        next.removeIf(l -> l.id().equals(id));
        return new SiteLimits(next, requests);
    }

    /** Whether the signed request {@code id} ({@code keyId/requestId}) was done lately. */
    public boolean done(String id) {
        return requests.stream().anyMatch(d -> d.id().equals(id));
    }

    /** With the signed request {@code id} noted as done now; those older than {@link #REQUEST_MEMORY} dropped. */
    public SiteLimits withDone(String id, long nowMillis) {
        List<Done> next = new ArrayList<>(requests);
        next.removeIf(d -> nowMillis - d.atMillis() > REQUEST_MEMORY);
        if (next.size() >= MAX_DONE) {
            throw new IllegalArgumentException("more than " + MAX_DONE + " site requests within "
                    + REQUEST_MEMORY / 60_000 + " minutes: send fewer");
        }
        next.add(new Done(id, nowMillis));
        return new SiteLimits(limits, next);
    }

    public Optional<SiteLimit> find(String id) {
        return limits.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The limits in force or still to come at {@code nowMillis}. */
    public List<SiteLimit> current(long nowMillis) {
        return limits.stream().filter(l -> l.untilMillis() > nowMillis).toList();
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        limitsJson(root.putArray("limits"), limits);
        ArrayNode done = root.putArray("requests");
        requests.forEach(d -> done.addObject().put("id", d.id()).put("at", d.atMillis()));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("limits of numbers and strings cannot be written", e);
        }
    }

    /** Each limit as the node holds it, into {@code array} (a reply to a site request shows them so too). */
    static void limitsJson(ArrayNode array, List<SiteLimit> limits) {
        for (SiteLimit l : limits) {
            array.addObject().put("id", l.id()).put("kw", l.kw()).put("from", l.fromMillis()).put("until",
                    l.untilMillis()).put("reason", l.reason()).put("by", l.by()).put("setAt", l.setAtMillis());
        }
    }

    /**
     * Reads the node's bytes; an empty node holds no limits.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static SiteLimits parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (a duplicate key counts as not JSON): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        boolean withRequests = root != null && root.has("requests");
        if (root == null || !root.isObject() || root.size() != (withRequests ? 2 : 1) || !root.path("limits").isArray()
                || withRequests && !root.path("requests").isArray()) {
            throw new IllegalArgumentException("not an object holding only a \"limits\" array (and a \"requests\""
                    + " one)");
        }
        List<SiteLimit> limits = new ArrayList<>();
        for (JsonNode n : root.path("limits")) {
            limits.add(limit(n));
        }
        List<Done> done = new ArrayList<>();
        for (JsonNode n : root.path("requests")) {
            if (!n.isObject() || n.size() != 2 || !n.path("id").isTextual()) {
                throw new IllegalArgumentException("a done request is not {\"id\",\"at\"}");
            }
            done.add(new Done(n.path("id").textValue(), millis(n, "at")));
        }
        return new SiteLimits(limits, done);
    }

    private static SiteLimit limit(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("a limit is not an object");
        }
        n.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field " + f + " in a limit");
            }
        });
        if (!n.path("kw").isNumber()) {
            throw new IllegalArgumentException("kw of a limit is not a number");
        }
        return new SiteLimit(n.path("id").textValue(), n.path("kw").doubleValue(), millis(n, "from"),
                millis(n, "until"), n.path("reason").textValue(), n.path("by").textValue(), millis(n, "setAt"));
    }

    private static long millis(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(field + " of a limit is not an integer of epoch milliseconds");
        }
        return v.longValue();
    }
}
