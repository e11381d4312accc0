package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.gateway.api.AuditTrail;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One audit record per request, whatever became of it: actor = the key id that signed it
 * ({@code unknown} when it was not authenticated), origin {@value #ORIGIN}, action
 * {@code command.<action>} or {@code config.<...>}, the target it concerned, the outcome
 * ({@code accepted}, {@code rejected}, {@code failed}, {@code replay}) and the reason or result.
 * An audit trail that is missing or fails is logged: it never changes the answer.
 */
final class RequestAudit {

    static final String ORIGIN = "mqtt";
    static final String UNKNOWN = "unknown";
    private static final int MAX_DETAIL = 300;
    private static final Logger LOG = LoggerFactory.getLogger(RequestAudit.class);

    private final Supplier<AuditTrail> trail;

    RequestAudit(Supplier<AuditTrail> trail) {
        this.trail = trail;
    }

    /** A request whose signature was good. */
    void authenticated(RemoteRequest r, RemoteTopics.Kind kind, String outcome, Outcome o) {
        record(r.keyId(), action(kind, r.action()), target(r), outcome, detail(o));
    }

    /** A request refused before it was authenticated (or whose form was wrong). */
    void refused(RemoteTopics.Kind kind, String reason) {
        record(UNKNOWN, action(kind, null), "", Outcome.Status.REJECTED.key(), reason);
    }

    /** A site lease refused (an accepted one is not recorded: one arrives every few seconds). */
    void leaseRefused(String keyId, String reason) {
        record(keyId == null ? UNKNOWN : keyId, "command." + LeaseReader.SCOPE, "site-lease",
                Outcome.Status.REJECTED.key(), reason);
    }

    static String action(RemoteTopics.Kind kind, String action) {
        if (kind == RemoteTopics.Kind.DCMD) {
            return "command." + CommandActions.WRITE;
        }
        String a = action == null ? UNKNOWN : action;
        return a.startsWith("config.") ? a : (kind == RemoteTopics.Kind.CONFIG ? "config." : "command.") + a;
    }

    /** What the request concerned: a device (and point), an alarm, a version, or the thing an action implies. */
    static String target(RemoteRequest r) {
        ObjectNode p = r.params();
        if (p.hasNonNull("device")) {
            return p.path("device").asText() + (p.hasNonNull("point") ? "/" + p.path("point").asText() : "");
        }
        if (p.hasNonNull("alarmId")) {
            return p.path("alarmId").asText();
        }
        if (p.hasNonNull("version")) {
            return "version " + p.path("version").asText();
        }
        return switch (r.action()) {
            case CommandActions.CURTAIL, CommandActions.LIFT_CURTAILMENT -> "import-cap";
            case CommandActions.RESET_TRIP -> "trip";
            case CommandActions.REBIRTH -> "sparkplug";
            case MarketActions.PRICE_UPDATE -> "energy-price";
            case MarketActions.HASHPRICE_UPDATE -> "hashprice";
            case ForecastActions.FORECAST_UPDATE -> "pv-forecast";
            case EventActions.SCHEDULE, EventActions.CANCEL ->
                    "event " + RemoteRequests.printable(p.path("id").asText());
            case EventActions.PEAK_ALERT -> "peak-alert";
            case ConfigActions.APPLY -> "site";
            default -> "";
        };
    }

    private static String detail(Outcome o) {
        String d = o.reason() != null ? o.reason() : o.result().toString();
        return d.length() <= MAX_DETAIL ? d : d.substring(0, MAX_DETAIL) + "…";
    }

    private void record(String actor, String action, String target, String outcome, String detail) {
        AuditTrail t = trail.get();
        if (t == null) {
            LOG.info("audit trail not available: {} {} {} {} {}", actor, action, target, outcome, detail);
            return;
        }
        try {
            t.record(actor, ORIGIN, action, target, outcome, detail);
        } catch (RuntimeException e) {
            LOG.error("audit record not written ({} {} {} {}): {}", actor, action, target, outcome, e.toString());
        }
    }
}
