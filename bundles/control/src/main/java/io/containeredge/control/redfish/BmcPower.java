package io.containeredge.control.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * One server's power as its BMC offers it, discovered on first use: a {@code Control} of type Power under
 * {@code Chassis/{id}/Controls} (read with the chassis' {@code EnvironmentMetrics}) where the BMC has one, else the
 * older {@code Power} resource's first {@code PowerControl}.
 */
final class BmcPower {

    /**
     * What the gateway asks the BMC to do when the server cannot be held under its cap: log it. The cap itself is
     * enforced by the BMC's power capping either way; {@code HardPowerOff} would cut a customer's job instead.
     */
    static final String LIMIT_EXCEPTION = "LogEventOnly";
    static final String CONTROLS = "Controls";
    static final String POWER_CONTROL = "PowerControl";

    /** One reading: NaN where the BMC does not say. */
    record Sample(double drawW, double capW, double minCapW, double maxCapW, String control) {
    }

    /** Where the cap and the reading are. */
    private record Found(String kind, String capPath, String readingPath) {
    }

    private final BmcConnection bmc;
    private final ObjectMapper json;
    private final String chassisPath;
    private CompletableFuture<Found> found;
    private volatile Sample last;

    BmcPower(BmcConnection bmc, ObjectMapper json, String chassisId) {
        this.bmc = bmc;
        this.json = json;
        this.chassisPath = "/redfish/v1/Chassis/" + chassisId;
    }

    CompletableFuture<Sample> read() {
        return found().thenCompose(f -> f.kind().equals(CONTROLS) ? readControl(f) : readPower(f))
                .whenComplete((s, e) -> {
                    if (s != null) {
                        last = s;
                    }
                });
    }

    /**
     * Writes a cap, clamped into the range the BMC last reported. Fails with the BMC's message when it refuses.
     */
    CompletableFuture<Void> cap(double watts) {
        Sample s = last;
        double w = watts;
        if (s != null && !Double.isNaN(s.minCapW())) {
            w = Math.max(w, s.minCapW());
        }
        if (s != null && !Double.isNaN(s.maxCapW())) {
            w = Math.min(w, s.maxCapW());
        }
        double clamped = Math.round(w);
        return found().thenCompose(f -> {
            ObjectNode body = json.createObjectNode();
            if (f.kind().equals(CONTROLS)) {
                body.put("SetPoint", clamped).put("ControlMode", "Automatic");
            } else {
                body.putArray("PowerControl").addObject().putObject("PowerLimit").put("LimitInWatts", clamped)
                        .put("LimitException", LIMIT_EXCEPTION);
            }
            return bmc.patch(f.capPath(), body);
        }).thenApply(doc -> null);
    }

    private synchronized CompletableFuture<Found> found() {
        if (found == null || found.isCompletedExceptionally()) {
            found = discover();
        }
        return found;
    }

    private CompletableFuture<Found> discover() {
        return bmc.get(chassisPath).thenCompose(chassis -> {
            String metrics = link(chassis, "EnvironmentMetrics");
            String controls = link(chassis, "Controls");
            String power = link(chassis, "Power");
            CompletableFuture<Found> viaPower = power == null
                    ? CompletableFuture.failedFuture(new IllegalStateException("chassis " + chassisPath
                            + " offers neither a power Control nor a Power resource"))
                    : CompletableFuture.completedFuture(new Found(POWER_CONTROL, power, power));
            if (controls == null) {
                return viaPower;
            }
            return bmc.get(controls).thenCompose(c -> powerControl(c.path("Members"), 0, metrics))
                    .thenCompose(f -> f != null ? CompletableFuture.completedFuture(f) : viaPower);
        });
    }

    /** The first member of type Power, looked at one by one; null when there is none. */
    private CompletableFuture<Found> powerControl(JsonNode members, int i, String metrics) {
        if (i >= members.size()) {
            return CompletableFuture.completedFuture(null);
        }
        String path = members.path(i).path("@odata.id").asText();
        return bmc.get(path).thenCompose(control -> {
            if (!"Power".equals(control.path("ControlType").asText())) {
                return powerControl(members, i + 1, metrics);
            }
            String reading = metrics != null ? metrics : control.path("Sensor").path("DataSourceUri").asText(null);
            return CompletableFuture.completedFuture(new Found(CONTROLS, path, reading));
        });
    }

    private CompletableFuture<Sample> readControl(Found f) {
        CompletableFuture<JsonNode> control = bmc.get(f.capPath());
        CompletableFuture<JsonNode> reading = f.readingPath() == null || f.readingPath().equals(f.capPath())
                ? control : bmc.get(f.readingPath());
        return control.thenCombine(reading, (c, r) -> {
            double draw = r.has("PowerWatts") ? number(r.path("PowerWatts").path("Reading"))
                    : number(c.path("Sensor").path("Reading"));
            boolean off = "Disabled".equals(c.path("ControlMode").asText());
            return new Sample(draw, off ? Double.NaN : number(c.path("SetPoint")), number(c.path("AllowableMin")),
                    number(c.path("AllowableMax")), CONTROLS);
        });
    }

    private CompletableFuture<Sample> readPower(Found f) {
        return bmc.get(f.readingPath()).thenApply(p -> {
            JsonNode pc = p.path("PowerControl").path(0);
            if (pc.isMissingNode()) {
                throw new IllegalStateException(f.readingPath() + " has no PowerControl");
            }
            // the Power resource has no lower bound for a cap: the BMC refuses one that is too low
            return new Sample(number(pc.path("PowerConsumedWatts")), number(pc.path("PowerLimit").path("LimitInWatts")),
                    Double.NaN, number(pc.path("PowerCapacityWatts")), POWER_CONTROL);
        });
    }

    private static String link(JsonNode resource, String name) {
        JsonNode id = resource.path(name).path("@odata.id");
        return id.isTextual() ? id.asText() : null;
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
