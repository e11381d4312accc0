package io.containeredge.cloud.internal;

import io.containeredge.cloud.sparkplug.EdgeNodeSession;
import io.containeredge.cloud.sparkplug.SparkplugMessage;
import io.containeredge.control.api.AiStatus;
import io.containeredge.control.api.ControlService;
import io.containeredge.modbus.value.PointValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Sparkplug device per AI/HPC tenant ({@code ai-<tenant>}), beside the Modbus devices and through the same
 * session, so births, aliases, the deadband, full refreshes and the stamping of queued data are theirs too: a DBIRTH
 * when a tenant first appears, DDATA of what changed, a DDEATH when it disappears (the site's ai section lost it, or
 * the controller stopped answering one), a DBIRTH when it is back.
 *
 * <p>Metrics: the contract ({@value #FLOOR}, {@value #FLEX}, {@value #FLEX_VALUE}), {@value #DRAW}, {@value #GRANT},
 * {@value #CAP} (null while no cap is in force), {@value #CAPPED}, {@value #BREACH}, {@value #REASON},
 * {@value #CAPPED_HOURS}, {@value #SERVERS_REACHABLE} of {@value #SERVERS}.
 */
final class AiDevices {

    static final String PREFIX = "ai-";
    static final String FLOOR = "Contract/FloorKw";
    static final String FLEX = "Contract/FlexKw";
    static final String FLEX_VALUE = "Contract/FlexUsdPerMwh";
    static final String DRAW = "DrawKw";
    static final String GRANT = "GrantKw";
    static final String CAP = "CapKw";
    static final String CAPPED = "Capped";
    static final String BREACH = "Breach";
    static final String REASON = "Reason";
    static final String CAPPED_HOURS = "CappedHoursThisMonth";
    static final String SERVERS_REACHABLE = "ServersReachable";
    static final String SERVERS = "Servers";
    private static final String KW = "kW";

    /** Devices of the tenants in the last status. */
    private Set<String> present = new HashSet<>();
    /** Devices given a DDEATH: a tenant coming back needs a DBIRTH, not DDATA. */
    private final Set<String> departed = new HashSet<>();

    /** The Sparkplug device id of a tenant: a topic token, whatever the tenant's name holds. */
    static String deviceOf(String tenant) {
        return PREFIX + tenant.replaceAll("[/+#]", "_");
    }

    /**
     * The tenants' messages for this second from the controller's status ({@code control} null while it does not
     * run: every tenant gone). Call under the session's lock, like its other updates.
     */
    List<SparkplugMessage> update(EdgeNodeSession session, ControlService control, long now) {
        Optional<AiStatus> ai = control == null ? Optional.empty() : control.ai();
        Map<String, List<PointValue>> tenants = new LinkedHashMap<>();
        ai.ifPresent(s -> s.tenants().forEach(t -> tenants.put(deviceOf(t.name()), points(t, s.timestampMillis()))));
        List<SparkplugMessage> out = new ArrayList<>();
        for (String gone : present) {
            if (!tenants.containsKey(gone)) {
                out.addAll(session.deviceOffline(gone, now));
                departed.add(gone);
            }
        }
        out.addAll(session.update(tenants.values().stream().flatMap(List::stream).toList(), now));
        for (String device : tenants.keySet()) {
            if (departed.remove(device)) {
                out.addAll(session.deviceOnline(device, now));
            }
        }
        present = new HashSet<>(tenants.keySet());
        return out;
    }

    private static List<PointValue> points(AiStatus.Tenant t, long at) {
        String d = deviceOf(t.name());
        long reachable = t.servers().stream().filter(AiStatus.Server::reachable).count();
        return List.of(
                PointValue.good(d, FLOOR, t.floorKw(), KW, at),
                PointValue.good(d, FLEX, t.flexKw(), KW, at),
                PointValue.good(d, FLEX_VALUE, t.flexUsdPerMwh(), "USD/MWh", at),
                PointValue.good(d, DRAW, t.drawKw(), KW, at),
                PointValue.good(d, GRANT, t.grantKw(), KW, at),
                // infinite while no server is capped: null, which the deadband sees change (NaN it would not)
                PointValue.good(d, CAP, Double.isFinite(t.capKw()) ? t.capKw() : null, KW, at),
                PointValue.good(d, CAPPED, t.capped(), null, at),
                PointValue.good(d, BREACH, t.breach(), null, at),
                PointValue.good(d, REASON, t.reason() == null ? "" : t.reason(), null, at),
                PointValue.good(d, CAPPED_HOURS, t.cappedHoursThisMonth(), "h", at),
                PointValue.good(d, SERVERS_REACHABLE, (double) reachable, null, at),
                PointValue.good(d, SERVERS, (double) t.servers().size(), null, at));
    }
}
