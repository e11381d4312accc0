package io.containeredge.cloud.remote;

import io.containeredge.cloud.sparkplug.SparkplugTopics;
import io.containeredge.control.api.ControlService;
import io.containeredge.gateway.api.AuditTrail;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.gateway.api.SiteConfigurations;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed remote commands and configuration requests of one edge node: the entry point the MQTT
 * client hands every message on {@link #topicsToSubscribe()} to. See the package documentation for
 * the envelope, the signed DCMD and the actions.
 *
 * <p>Every request gets exactly one reply on {@link #replyTopic()} through the sink, and one audit
 * record. An id is claimed in the {@link RequestLedger} before its action runs, so a repeat (QoS 1
 * redelivery, a retry, a replayed message) is answered with the stored reply and {@code replay: true}
 * and never executed twice, not even across a {@code kill -9}.
 *
 * <p>{@link #handle} never throws and never blocks: it hands the message to the worker, where it is
 * read, checked and executed; a device write completes later, when the device acknowledged.
 */
public final class RemoteRequests {

    /**
     * What the requests act on. Each supplier may return null while its service is not there; a request
     * that needs it is then rejected with the reason.
     *
     * @param rebirth asks the Sparkplug session for NBIRTH and DBIRTHs again
     */
    public record Services(Supplier<ControlService> control, Supplier<DeviceWriter> writer,
            Supplier<SiteConfigurations> configurations, Supplier<AuditTrail> audit, Runnable rebirth) {
    }

    /** A request may not be valid for longer than this: a "forever" command is refused. */
    public static final Duration MAX_AHEAD = Duration.ofHours(24);
    /** A ledger entry is kept this long after its request expired, then pruned. */
    public static final Duration KEEP_AFTER_EXPIRY = Duration.ofHours(24);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final int WORKER_QUEUE = 256;
    private static final int MAX_REASON = 200;
    private static final Logger LOG = LoggerFactory.getLogger(RemoteRequests.class);

    private final RemoteTopics topics;
    private final EnvelopeReader envelopes;
    private final DcmdReader dcmds;
    private final RequestKeys keys;
    private final String site;
    private final String container;
    private final RequestLedger ledger;
    private final CommandActions commands;
    private final ConfigActions configs;
    private final RequestAudit audit;
    private final LongSupplier clock;
    private final Consumer<Reply> sink;
    private final Executor worker;
    private long lastPruneMillis;

    /**
     * @param names resolves DCMD metric aliases (the session's catalog)
     * @param clock epoch milliseconds
     * @param sink publishes a reply (QoS 1); must not block
     * @param worker runs the requests off the MQTT thread, one at a time: {@link #worker()}
     */
    public RemoteRequests(SparkplugTopics sparkplug, RequestKeys keys, RequestLedger ledger, Services services,
            MetricNames names, LongSupplier clock, Consumer<Reply> sink, Executor worker) {
        this.topics = new RemoteTopics(sparkplug);
        this.envelopes = new EnvelopeReader(keys);
        this.dcmds = new DcmdReader(keys, names, sparkplug.group(), sparkplug.edgeNode());
        this.keys = keys;
        this.site = sparkplug.group();
        this.container = sparkplug.edgeNode();
        this.ledger = ledger;
        this.commands = new CommandActions(services.control(), services.writer(), services.rebirth(), clock);
        this.configs = new ConfigActions(services.configurations());
        this.audit = new RequestAudit(services.audit());
        this.clock = clock;
        this.sink = sink;
        this.worker = worker;
    }

    /**
     * One daemon thread with a bounded queue: a flood of messages is answered "busy" instead of
     * growing the heap. Shut it down after the MQTT client stopped.
     */
    public static ExecutorService worker() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WORKER_QUEUE), r -> {
            Thread t = new Thread(r, "cloud-remote-requests");
            t.setDaemon(true);
            return t;
        });
    }

    /** The command and config topics and the DCMD filter of every device, to subscribe to at QoS 1. */
    public List<String> topicsToSubscribe() {
        return topics.subscriptions();
    }

    public String replyTopic() {
        return topics.reply();
    }

    /** True for the topics this class answers (not NCMD: the session handles Node Control/Rebirth). */
    public boolean handles(String topic) {
        return topics.route(topic) != null;
    }

    /** Takes one message off the MQTT client; never throws, never blocks. */
    public void handle(String topic, byte[] payload) {
        RemoteTopics.Route route = topics.route(topic);
        if (route == null) {
            LOG.warn("remote: message on {} ignored: not a request topic of this edge node", topic);
            return;
        }
        try {
            worker.execute(() -> process(route, payload));
        } catch (RejectedExecutionException e) {
            refuse(route, null, "too many requests waiting: not read, send it again later");
        }
    }

    private void process(RemoteTopics.Route route, byte[] payload) {
        RemoteRequest r;
        try {
            r = route.kind() == RemoteTopics.Kind.DCMD ? dcmds.read(route.device(), payload) : envelopes.read(payload);
        } catch (Refusal f) {
            refuse(route, f.requestId(), f.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.error("remote: request on {} could not be read", route.kind(), e);
            refuse(route, null, "internal error while reading the request: " + e);
            return;
        }
        long now = clock.getAsLong();
        pruneIfDue(now);
        try {
            claimAndExecute(r, route, now);
        } catch (RuntimeException e) {
            LOG.error("remote: request {} failed", r.id(), e);
            finish(r, route, Outcome.failed("internal error: " + e));
        }
    }

    private void claimAndExecute(RemoteRequest r, RemoteTopics.Route route, long now) {
        RequestLedger.Claim claim;
        try {
            claim = ledger.claim(r.id(), Math.min(r.expiresMillis(), now + MAX_AHEAD.toMillis())
                    + KEEP_AFTER_EXPIRY.toMillis());
        } catch (SQLException e) {
            LOG.error("remote: request ledger {} unavailable: {}", ledger.file(), e.toString());
            Outcome o = Outcome.rejected("request ledger unavailable, so not executed: " + e.getMessage());
            send(new Answer(r.id(), o, false, now));
            audit.authenticated(r, route.kind(), o.status().key(), o);
            return;
        }
        switch (claim.state()) {
            case NEW -> execute(r, route, now);
            case ANSWERED -> replay(r, route, Answer.fromJson(claim.replyJson()).asReplay());
            case EXECUTING -> replay(r, route, new Answer(r.id(), Outcome.rejected("request " + r.id()
                    + " is still being executed; its reply follows"), true, now));
            case INTERRUPTED -> {
                Answer interrupted = new Answer(r.id(), Outcome.failed("interrupted: the gateway stopped while"
                        + " executing it; not executed again, check the state before sending a new request"), false, now);
                store(interrupted);
                replay(r, route, interrupted.asReplay());
            }
        }
    }

    private void execute(RemoteRequest r, RemoteTopics.Route route, long now) {
        Outcome refused = admissible(r, route, now);
        if (refused != null) {
            finish(r, route, refused);
            return;
        }
        CompletableFuture<Outcome> outcome;
        try {
            outcome = route.kind() == RemoteTopics.Kind.CONFIG ? CompletableFuture.completedFuture(configs.execute(r))
                    : commands.execute(r);
        } catch (Refusal f) {
            outcome = CompletableFuture.completedFuture(Outcome.rejected(f.getMessage()));
        }
        if (outcome.isDone()) {
            finish(r, route, outcome.join());
        } else {
            outcome.whenComplete((o, e) -> onWorker(() -> finish(r, route,
                    o != null ? o : Outcome.failed("internal error: " + e))));
        }
    }

    /** Target, the key's scope, expiry and the action's topic; null when the request may run. */
    private Outcome admissible(RemoteRequest r, RemoteTopics.Route route, long now) {
        if (!site.equals(r.site()) || !container.equals(r.container())) {
            return Outcome.rejected("signed for container " + printable(r.container()) + " of site "
                    + printable(r.site()) + ", this is " + container + " of " + site + ": not executed");
        }
        if (!keys.allows(r.keyId(), r.action())) {
            return Outcome.rejected("key " + r.keyId() + " may not " + printable(r.action()) + " (its scopes: "
                    + String.join(",", keys.scopes(r.keyId())) + ")");
        }
        if (r.expiresMillis() <= now) {
            return Outcome.rejected("expired at " + Instant.ofEpochMilli(r.expiresMillis()));
        }
        if (r.expiresMillis() > now + MAX_AHEAD.toMillis()) {
            return Outcome.rejected("expires more than " + MAX_AHEAD.toHours() + " h ahead: a request may not be"
                    + " valid for longer");
        }
        boolean command = CommandActions.ACTIONS.contains(r.action());
        boolean config = ConfigActions.ACTIONS.contains(r.action());
        return switch (route.kind()) {
            case COMMAND -> command ? null : Outcome.rejected(config ? "action " + r.action()
                    + " belongs on the config topic" : "unknown action " + r.action());
            case CONFIG -> config ? null : Outcome.rejected(command ? "action " + r.action()
                    + " belongs on the command topic" : "unknown action " + r.action());
            case DCMD -> null;
        };
    }

    private void finish(RemoteRequest r, RemoteTopics.Route route, Outcome o) {
        Answer a = new Answer(r.id(), o, false, clock.getAsLong());
        store(a);
        send(a);
        audit.authenticated(r, route.kind(), o.status().key(), o);
        LOG.info("remote: {} {} from {}: {}{}", r.action(), r.id(), r.keyId(), o.status().key(),
                o.reason() == null ? "" : " (" + o.reason() + ")");
    }

    private void replay(RemoteRequest r, RemoteTopics.Route route, Answer stored) {
        send(stored);
        audit.authenticated(r, route.kind(), "replay", new Outcome(stored.outcome().status(),
                "repeated id, answered with the stored reply: " + stored.outcome().status().key(), null));
        LOG.info("remote: repeated request {} from {} answered with its stored reply", r.id(), r.keyId());
    }

    /** A reason may quote names from an unauthenticated payload: shortened and printable before it goes anywhere. */
    private void refuse(RemoteTopics.Route route, String id, String reason) {
        String shortReason = printable(reason);
        LOG.warn("remote: {} request {} rejected: {}", route.kind(), id == null ? "(no id)" : id, shortReason);
        send(new Answer(id, Outcome.rejected(shortReason), false, clock.getAsLong()));
        audit.refused(route.kind(), shortReason);
    }

    static String printable(String reason) {
        String r = reason == null ? "" : reason.replaceAll("\\p{Cntrl}", "?");
        return r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON) + "…";
    }

    private void store(Answer a) {
        try {
            ledger.answer(a.id(), a.toJson());
        } catch (SQLException e) {
            LOG.error("remote: reply to {} not stored in the ledger (a repeat finds it executing): {}", a.id(),
                    e.toString());
        }
    }

    private void send(Answer a) {
        try {
            sink.accept(new Reply(topics.reply(), a.toBytes()));
        } catch (RuntimeException e) {
            LOG.error("remote: reply to {} not published: {}", a.id(), e.toString());
        }
    }

    /** Completions of device writes come back on the device's thread: the ledger write belongs on the worker. */
    private void onWorker(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // a finished write must be answered even when the queue is full
        }
    }

    private void pruneIfDue(long now) {
        if (now - lastPruneMillis < PRUNE_EVERY.toMillis()) {
            return;
        }
        lastPruneMillis = now;
        try {
            int pruned = ledger.prune(now);
            if (pruned > 0) {
                LOG.info("remote: {} expired request(s) pruned from the ledger", pruned);
            }
        } catch (SQLException e) {
            LOG.warn("remote: request ledger not pruned: {}", e.toString());
        }
    }
}
