package io.containeredge.simulator.redfish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Redfish documents one simulated BMC serves, named as in the DMTF schemas (ServiceRoot, SessionService, Chassis,
 * EnvironmentMetrics, Control; the older Power with PowerControl), each built from the power model when asked.
 */
final class RedfishResources {

    static final String ROOT = "/redfish/v1";
    static final String SESSIONS = ROOT + "/SessionService/Sessions";
    static final String CHASSIS = ROOT + "/Chassis";
    /** The Power resource is deprecated in favour of EnvironmentMetrics and Controls; older BMCs still offer it. */
    static final String LIMIT_EXCEPTION = "LogEventOnly";

    private final ObjectMapper json;
    private final String serverId;
    private final String chassisId;
    private final BmcDialect dialect;
    private final GpuPowerModel model;
    private final String user;

    RedfishResources(ObjectMapper json, String serverId, String chassisId, BmcDialect dialect, GpuPowerModel model,
            String user) {
        this.json = json;
        this.user = user;
        this.serverId = serverId;
        this.chassisId = chassisId;
        this.dialect = dialect;
        this.model = model;
    }

    String chassisPath() {
        return CHASSIS + "/" + chassisId;
    }

    String controlPath() {
        return chassisPath() + "/Controls/PowerLimit";
    }

    String powerPath() {
        return chassisPath() + "/Power";
    }

    private String metricsPath() {
        return chassisPath() + "/EnvironmentMetrics";
    }

    BmcDialect dialect() {
        return dialect;
    }

    /** The document at a path (without a trailing slash) at simulated time t; empty for a path not served. */
    Optional<ObjectNode> get(String path, long t, Collection<String> sessionIds) {
        if (path.equals(ROOT)) {
            return Optional.of(root());
        }
        if (path.equals(ROOT + "/SessionService")) {
            ObjectNode s = resource(path, "#SessionService.v1_1_8.SessionService", "SessionService", "Session Service");
            s.put("ServiceEnabled", true).put("SessionTimeout", 1800);
            s.putObject("Sessions").put("@odata.id", SESSIONS);
            return Optional.of(s);
        }
        if (path.equals(SESSIONS)) {
            return Optional.of(collection(path, "#SessionCollection.SessionCollection", "Sessions",
                    sessionIds.stream().map(id -> SESSIONS + "/" + id).toList()));
        }
        if (path.startsWith(SESSIONS + "/") && sessionIds.contains(path.substring(SESSIONS.length() + 1))) {
            return Optional.of(session(path.substring(SESSIONS.length() + 1)));
        }
        if (path.equals(CHASSIS)) {
            return Optional.of(collection(path, "#ChassisCollection.ChassisCollection", "Chassis",
                    List.of(chassisPath())));
        }
        if (path.equals(chassisPath())) {
            return Optional.of(chassis());
        }
        if (dialect == BmcDialect.CONTROLS) {
            if (path.equals(metricsPath())) {
                return Optional.of(metrics(t));
            }
            if (path.equals(chassisPath() + "/Controls")) {
                return Optional.of(collection(path, "#ControlCollection.ControlCollection", "Controls",
                        List.of(controlPath())));
            }
            if (path.equals(controlPath())) {
                return Optional.of(control(t));
            }
        } else if (path.equals(powerPath())) {
            return Optional.of(power(t));
        }
        return Optional.empty();
    }

    ObjectNode session(String id) {
        ObjectNode s = resource(SESSIONS + "/" + id, "#Session.v1_6_0.Session", id, "User Session");
        s.put("UserName", user);
        return s;
    }

    private ObjectNode root() {
        ObjectNode r = resource(ROOT, "#ServiceRoot.v1_15_0.ServiceRoot", "RootService", "Root Service");
        r.put("RedfishVersion", "1.17.0");
        r.put("UUID", UUID.nameUUIDFromBytes(serverId.getBytes(StandardCharsets.UTF_8))
                .toString());
        r.putObject("Chassis").put("@odata.id", CHASSIS);
        r.putObject("SessionService").put("@odata.id", ROOT + "/SessionService");
        r.putObject("Links").putObject("Sessions").put("@odata.id", SESSIONS);
        return r;
    }

    private ObjectNode chassis() {
        ObjectNode c = resource(chassisPath(), "#Chassis.v1_23_0.Chassis", chassisId, "GPU server " + serverId);
        c.put("ChassisType", "RackMount").put("Manufacturer", "ContainerEdge simulator")
                .put("Model", "8-GPU HGX-class server").put("PowerState", "On");
        c.putObject("Status").put("State", "Enabled").put("Health", "OK");
        if (dialect == BmcDialect.CONTROLS) {
            c.putObject("EnvironmentMetrics").put("@odata.id", metricsPath());
            c.putObject("Controls").put("@odata.id", chassisPath() + "/Controls");
        } else {
            c.putObject("Power").put("@odata.id", powerPath());
        }
        return c;
    }

    private ObjectNode metrics(long t) {
        ObjectNode m = resource(metricsPath(), "#EnvironmentMetrics.v1_3_2.EnvironmentMetrics", "EnvironmentMetrics",
                "Chassis environment metrics");
        m.putObject("PowerWatts").put("DataSourceUri", metricsPath()).put("Reading", round(model.drawW(t)));
        return m;
    }

    private ObjectNode control(long t) {
        ObjectNode c = resource(controlPath(), "#Control.v1_5_0.Control", "PowerLimit", "Chassis power limit");
        double cap = model.capW();
        c.put("ControlType", "Power").put("ControlMode", Double.isNaN(cap) ? "Disabled" : "Automatic");
        if (Double.isNaN(cap)) {
            c.putNull("SetPoint");
        } else {
            c.put("SetPoint", round(cap));
        }
        c.put("SetPointUnits", "W").put("AllowableMin", round(model.minCapW())).put("AllowableMax", model.ratedW());
        c.putObject("Sensor").put("DataSourceUri", metricsPath()).put("Reading", round(model.drawW(t)));
        c.putObject("Status").put("State", "Enabled").put("Health", "OK");
        return c;
    }

    private ObjectNode power(long t) {
        ObjectNode p = resource(powerPath(), "#Power.v1_7_1.Power", "Power", "Chassis power");
        ObjectNode pc = p.putArray("PowerControl").addObject();
        pc.put("@odata.id", powerPath() + "#/PowerControl/0").put("MemberId", "0").put("Name", "Server power control");
        pc.put("PowerConsumedWatts", round(model.drawW(t))).put("PowerCapacityWatts", model.ratedW());
        ObjectNode limit = pc.putObject("PowerLimit");
        double cap = model.capW();
        if (Double.isNaN(cap)) {
            limit.putNull("LimitInWatts");
        } else {
            limit.put("LimitInWatts", round(cap));
        }
        limit.put("LimitException", LIMIT_EXCEPTION).put("CorrectionInMs", 1500);
        return p;
    }

    private ObjectNode collection(String path, String type, String name, List<String> members) {
        ObjectNode c = resource(path, type, null, name + " Collection");
        ArrayNode m = c.putArray("Members");
        members.forEach(id -> m.addObject().put("@odata.id", id));
        c.put("Members@odata.count", members.size());
        return c;
    }

    private ObjectNode resource(String path, String type, String id, String name) {
        ObjectNode r = json.createObjectNode();
        r.put("@odata.id", path).put("@odata.type", type);
        if (id != null) {
            r.put("Id", id);
        }
        r.put("Name", name);
        return r;
    }

    /** Redfish readings are decimals; a tenth of a watt is finer than any BMC reports. */
    private static double round(double w) {
        return Math.round(w * 10) / 10.0;
    }
}
