package io.containeredge.coordinator.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.coordinator.mqtt.SitePublisher;
import io.containeredge.site.api.SignedEnvelope;
import io.containeredge.site.api.SiteTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed site requests over MQTT, for an aggregator or the operator's own tooling: {@code limit.set} and {@code
 * limit.end} on {@code containeredge/<site>/site-request}, in the signed envelope of the remote requests ({@link
 * SignedEnvelope}) with a body {@code {"id","expires","site","action","params"}}. Only the active coordinator takes
 * them (a standby stays silent: the sender sends again when no reply comes); each is answered on {@code
 * …/site-request/reply} with {@code {"id","status":"done"|"rejected"|"failed","reason","limits"}}. Checks, in order: the
 * envelope, the key and its signature, the body's fields, the site, the expiry (in the future and at most {@link
 * #LONGEST_LIFE} ahead), then in the same compare-and-set as the change, that the request was not done already (a
 * replay within its life finds its id in the node, whichever instance did it). A refused request changes nothing.
 */
public final class SiteRequestDesk implements AutoCloseable {

    /** The longest a signed request may live: a replay later than that is refused by its expiry. */
    public static final Duration LONGEST_LIFE = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(SiteRequestDesk.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Set<String> FIELDS = Set.of("id", "expires", "site", "action", "params");
    private static final Set<String> SET_FIELDS = Set.of("id", "kw", "from", "until", "reason");

    private final String site;
    private final Map<String, byte[]> keys;
    private final SiteLimitStore store;
    private final SitePublisher publisher;
    private final BooleanSupplier active;
    private final LongSupplier clock;
    /** One at a time, off the broker's thread: each waits on ZooKeeper. */
    private final ExecutorService desk = Executors.newSingleThreadExecutor(r -> new Thread(r, "site-requests"));

    /** @param keys who may send requests: secrets by key id */
    public SiteRequestDesk(String site, Map<String, byte[]> keys, SiteLimitStore store, SitePublisher publisher,
            BooleanSupplier active, LongSupplier clock) {
        this.site = site;
        this.keys = Map.copyOf(keys);
        this.store = store;
        this.publisher = publisher;
        this.active = active;
        this.clock = clock;
    }

    /** From the broker's thread: taken and answered on the desk's own, by the active coordinator only. */
    public void accept(byte[] payload) {
        if (!active.getAsBoolean()) {
            return;
        }
        try {
            desk.execute(() -> {
                String reply = handle(payload, clock.getAsLong());
                if (!publisher.publish(SiteTopics.requestReply(site), reply)) {
                    LOG.warn("site request reply not sent (no broker): {}", reply);
                }
            });
        } catch (RejectedExecutionException closing) {
            // stopping: the sender sends again to whoever leads next
        }
    }

    /** Takes one request: the reply, as JSON. */
    String handle(byte[] payload, long now) {
        String requestId = null;
        try {
            SignedEnvelope e = SignedEnvelope.read(payload);
            JsonNode body = SignedEnvelope.tree(e.body().getBytes(StandardCharsets.UTF_8));
            requestId = body == null ? null : validId(body.path("id").textValue());
            byte[] secret = keys.get(e.keyId());
            if (secret == null) {
                throw new IllegalArgumentException(keys.isEmpty() ? "this coordinator takes no site requests (no"
                        + " requests.keys configured)" : "unknown key id");
            }
            if (!e.signedWith(secret)) {
                throw new IllegalArgumentException("wrong signature");
            }
            String action = checked(body, requestId, now);
            String done = e.keyId() + "/" + requestId;
            JsonNode params = body.path("params");
            SiteLimits after = store.update(held -> {
                if (held.done(done)) {
                    throw new IllegalArgumentException("request " + done + " was done already (a replay)");
                }
                return change(held, action, params, e.keyId(), "mqtt:" + done, now).withDone(done, now);
            });
            LOG.info("site request {} of {}: {} done", requestId, e.keyId(), action);
            return reply(requestId, "done", null, after, now);
        } catch (IllegalArgumentException e) {
            LOG.warn("site request {} refused: {}", requestId, e.getMessage());
            return reply(requestId, "rejected", e.getMessage(), null, now);
        } catch (Exception e) {
            LOG.error("site request {} failed: {}", requestId, e.toString());
            return reply(requestId, "failed", "the site limits could not be written: " + e, null, now);
        }
    }

    /** The body's fields, the site and the expiry; the action. */
    private String checked(JsonNode body, String requestId, long now) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("body is not a JSON object (a duplicate key counts as not JSON)");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field " + f);
            }
        });
        if (requestId == null) {
            throw new IllegalArgumentException("id missing or not 1..64 characters of [A-Za-z0-9._:-]");
        }
        if (!site.equals(body.path("site").textValue())) {
            throw new IllegalArgumentException("request for site " + body.path("site").textValue() + ", this is "
                    + site);
        }
        JsonNode expires = body.path("expires");
        if (!expires.isIntegralNumber() || !expires.canConvertToLong()) {
            throw new IllegalArgumentException("expires missing or not an integer (epoch milliseconds)");
        }
        if (expires.longValue() <= now) {
            throw new IllegalArgumentException("request expired " + (now - expires.longValue()) + " ms ago");
        }
        if (expires.longValue() - now > LONGEST_LIFE.toMillis()) {
            throw new IllegalArgumentException("request lives longer than " + LONGEST_LIFE.toMinutes()
                    + " minutes: sign it with an earlier expires");
        }
        String action = body.path("action").textValue();
        if (!"limit.set".equals(action) && !"limit.end".equals(action)) {
            throw new IllegalArgumentException("action " + action + " is none of limit.set, limit.end");
        }
        if (!body.path("params").isObject()) {
            throw new IllegalArgumentException("params missing or not an object");
        }
        return action;
    }

    /**
     * @param keyId who signed: a key changes or ends only the limits it set (an aggregator never ends the utility's
     *     order the operator set on the command line, nor another aggregator's)
     */
    private static SiteLimits change(SiteLimits held, String action, JsonNode params, String keyId, String by,
            long now) {
        String id = params.path("id").textValue();
        held.find(id).filter(l -> !l.by().startsWith("mqtt:" + keyId + "/")).ifPresent(l -> {
            throw new IllegalArgumentException("site limit " + id + " was set by " + l.by() + ": only its setter"
                    + " changes or ends it");
        });
        if (action.equals("limit.end")) {
            if (params.size() != 1 || id == null || held.find(id).isEmpty()) {
                throw new IllegalArgumentException("limit.end takes params {\"id\"} of a site limit in force or to"
                        + " come; there is no " + id);
            }
            return held.without(id, now);
        }
        params.fieldNames().forEachRemaining(f -> {
            if (!SET_FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field params." + f);
            }
        });
        if (!params.path("kw").isNumber() || !params.has("until")) {
            throw new IllegalArgumentException("limit.set needs params kw (a number), until and reason");
        }
        long from = params.has("from") ? time(params.get("from"), now) : now;
        return held.with(new SiteLimit(id, params.path("kw").doubleValue(), from, time(params.get("until"), now),
                params.path("reason").textValue(), by, now), now);
    }

    /** Epoch milliseconds, or a text the command line takes (ISO-8601 with its offset). */
    private static long time(JsonNode t, long now) {
        if (t.isIntegralNumber() && t.canConvertToLong()) {
            return t.longValue();
        }
        if (!t.isTextual()) {
            throw new IllegalArgumentException("a time is epoch milliseconds or ISO-8601 text, not " + t);
        }
        return SiteLimitCommand.time(t.textValue(), now);
    }

    private static String validId(String id) {
        return id != null && ID.matcher(id).matches() ? id : null;
    }

    private String reply(String requestId, String status, String reason, SiteLimits after, long now) {
        ObjectNode r = JSON.createObjectNode().put("id", requestId).put("status", status).put("reason", reason);
        if (after != null) {
            SiteLimits.limitsJson(r.putArray("limits"), after.current(now));
        }
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reply of plain values always serialises", e);
        }
    }

    @Override
    public void close() {
        desk.shutdownNow();
    }
}
