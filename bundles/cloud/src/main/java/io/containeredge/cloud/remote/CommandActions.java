package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.gateway.api.DeviceWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The actions of the command topic, each through the one path the API and the console use too
 * ({@link ControlService}, {@link DeviceWriter}), which does its own checks. Everything but
 * {@code write} completes at once; a write completes when the device acknowledged, so the caller never
 * waits on a device.
 */
final class CommandActions {

    static final String CURTAIL = "curtail";
    static final String LIFT_CURTAILMENT = "lift-curtailment";
    static final String RESET_TRIP = "reset-trip";
    static final String ACK_ALARM = "ack-alarm";
    static final String MAINTENANCE = "maintenance";
    static final String END_MAINTENANCE = "end-maintenance";
    static final String REBIRTH = "rebirth";
    static final String WRITE = "write";
    static final Set<String> ACTIONS = Set.of(CURTAIL, LIFT_CURTAILMENT, RESET_TRIP, ACK_ALARM, MAINTENANCE,
            END_MAINTENANCE, REBIRTH, WRITE, MarketActions.PRICE_UPDATE, MarketActions.HASHPRICE_UPDATE,
            ForecastActions.FORECAST_UPDATE, EventActions.SCHEDULE, EventActions.CANCEL, EventActions.PEAK_ALERT);
    /** A device that has not acknowledged a write by then: the outcome is reported as unknown. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<ControlService> control;
    private final Supplier<DeviceWriter> writer;
    private final Runnable rebirth;
    private final LongSupplier clock;
    private final MarketActions market;
    private final EventActions events;

    CommandActions(Supplier<ControlService> control, Supplier<DeviceWriter> writer, Runnable rebirth,
            LongSupplier clock) {
        this.control = control;
        this.writer = writer;
        this.rebirth = rebirth;
        this.clock = clock;
        this.market = new MarketActions(clock);
        this.events = new EventActions(clock);
    }

    /**
     * Runs a command-topic action.
     *
     * @return completes with the outcome, never exceptionally
     * @throws Refusal when the params are wrong or the controller refuses: nothing changed
     */
    CompletableFuture<Outcome> execute(RemoteRequest r) throws Refusal {
        Params p = new Params(r);
        return switch (r.action()) {
            case WRITE -> write(r, p);
            case REBIRTH -> {
                rebirth.run();
                yield done(Outcome.accepted(null));
            }
            default -> done(controlAction(r, p, running(r, control.get())));
        };
    }

    private Outcome controlAction(RemoteRequest r, Params p, ControlService c) throws Refusal {
        try {
            return switch (r.action()) {
                case CURTAIL -> curtail(r, p, c);
                case LIFT_CURTAILMENT -> Outcome.accepted(Outcome.result("lifted",
                        NODES.booleanNode(c.liftImportCap(r.source()))));
                case RESET_TRIP -> {
                    c.requestRemoteReset();
                    yield Outcome.accepted(Outcome.result("note", NODES.textNode("a thermal trip only (an e-stop is"
                            + " reset locally), taken at the next control cycle and refused there while the cause"
                            + " persists; the controller's status shows the outcome")));
                }
                case ACK_ALARM -> acknowledge(r, p, c);
                case MAINTENANCE -> {
                    MaintenanceWindow w = c.setMaintenance(p.text("device"), minutes(p, "minutes"), r.source());
                    ObjectNode result = NODES.objectNode().put("device", w.device()).put("until", w.untilMillis());
                    yield Outcome.accepted(result);
                }
                case END_MAINTENANCE -> {
                    String device = p.text("device");
                    if (!c.endMaintenance(device, r.source())) {
                        throw new Refusal(r.id(), "device " + device + " is not in maintenance");
                    }
                    yield Outcome.accepted(Outcome.result("device", NODES.textNode(device)));
                }
                case MarketActions.PRICE_UPDATE -> market.prices(r, p, c);
                case MarketActions.HASHPRICE_UPDATE -> market.hashprice(r, p, c);
                case ForecastActions.FORECAST_UPDATE -> ForecastActions.forecast(r, p, c);
                case EventActions.SCHEDULE -> events.schedule(r, p, c);
                case EventActions.CANCEL -> EventActions.cancel(r, p, c);
                case EventActions.PEAK_ALERT -> events.peakAlert(r, p, c);
                default -> throw new Refusal(r.id(), "unknown action " + r.action());
            };
        } catch (IllegalArgumentException e) {
            throw new Refusal(r.id(), e.getMessage());
        }
    }

    private Outcome curtail(RemoteRequest r, Params p, ControlService c) throws Refusal {
        double kw = p.number("kw");
        if (p.has("minutes") == p.has("until")) {
            throw new Refusal(r.id(), "give params.minutes or params.until (epoch ms), one of them");
        }
        long now = clock.getAsLong();
        Duration duration = p.has("minutes") ? minutes(p, "minutes") : Duration.ofMillis(p.integer("until") - now);
        c.overrideImportCap(kw, duration, r.source());
        return Outcome.accepted(NODES.objectNode().put("capKw", kw).put("until", now + duration.toMillis()));
    }

    private static Outcome acknowledge(RemoteRequest r, Params p, ControlService c) throws Refusal {
        String alarm = p.text("alarmId");
        if (!c.acknowledge(alarm, "mqtt:" + r.keyId())) {
            throw new Refusal(r.id(), "no unacknowledged alarm " + alarm);
        }
        return Outcome.accepted(Outcome.result("alarmId", NODES.textNode(alarm)));
    }

    private static Duration minutes(Params p, String name) throws Refusal {
        return Duration.ofMillis(Math.round(p.number(name) * 60_000));
    }

    /** {@code {device, point, value}} or {@code {device, writes: [{point, value}, …]}} (what a DCMD becomes). */
    private CompletableFuture<Outcome> write(RemoteRequest r, Params p) throws Refusal {
        String device = p.text("device");
        List<PointWrite> writes = new ArrayList<>();
        if (p.has("writes")) {
            JsonNode list = p.node("writes");
            if (!list.isArray() || list.isEmpty()) {
                throw p.refusal("writes", "must be a non-empty array of {point, value}");
            }
            for (JsonNode w : list) {
                writes.add(pointWrite(r.id(), w.path("point").textValue(), w.get("value")));
            }
        } else {
            writes.add(pointWrite(r.id(), p.text("point"), p.node("value")));
        }
        DeviceWriter w = writer.get();
        if (w == null) {
            throw new Refusal(r.id(), "device writer not available: the gateway's devices are not running");
        }
        List<CompletableFuture<String>> acks = writes.stream().map(pw -> acknowledged(w, device, pw)).toList();
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .thenApply(x -> writeOutcome(device, writes, acks.stream().map(CompletableFuture::join).toList()));
    }

    private static PointWrite pointWrite(String requestId, String point, JsonNode value) throws Refusal {
        if (point == null || point.isEmpty()) {
            throw new Refusal(requestId, "params.point must be a non-empty string");
        }
        return new PointWrite(point, Params.writable(requestId, "value", value));
    }

    /** Completes with null once acknowledged, else with the reason; never exceptionally. */
    private static CompletableFuture<String> acknowledged(DeviceWriter w, String device, PointWrite pw) {
        CompletableFuture<Void> ack;
        try {
            ack = w.write(device, pw.point(), pw.value());
        } catch (RuntimeException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        return ack.orTimeout(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((v, e) -> e == null ? null : reason(e));
    }

    private static Outcome writeOutcome(String device, List<PointWrite> writes, List<String> failures) {
        ObjectNode result = NODES.objectNode().put("device", device);
        ArrayNode list = result.putArray("writes");
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            ObjectNode o = list.addObject().put("point", writes.get(i).point());
            o.set("value", JSON.valueToTree(writes.get(i).value()));
            o.put("ok", failures.get(i) == null);
            if (failures.get(i) != null) {
                o.put("error", failures.get(i));
                reasons.add(writes.get(i).point() + ": " + failures.get(i));
            }
        }
        return reasons.isEmpty() ? Outcome.accepted(result)
                : new Outcome(Outcome.Status.FAILED, String.join("; ", reasons), result);
    }

    private static String reason(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return "no acknowledgement from the device within " + WRITE_TIMEOUT.toSeconds() + " s: outcome unknown";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static ControlService running(RemoteRequest r, ControlService c) throws Refusal {
        if (c == null) {
            throw new Refusal(r.id(), "controller not running");
        }
        return c;
    }

    private static CompletableFuture<Outcome> done(Outcome o) {
        return CompletableFuture.completedFuture(o);
    }

    /** One point and the value to write to it. */
    private record PointWrite(String point, Object value) {
    }
}
