package io.containeredge.site.internal;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.Limits;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.MinerGroup;
import io.containeredge.site.api.WebServerSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Site rules beyond the schema: unique ids, references that resolve, safety invariants of limits, and
 * that plain HTTP never leaves the machine. Each section is given as read from the document, or null when
 * the schema refused it: the rules that need a refused section are skipped (its values would only produce
 * follow-on errors), every other rule still runs, so one schema error hides no unsafe limit.
 */
final class SiteChecks {

    private SiteChecks() {
    }

    static List<ConfigError> check(String file, List<ConnectionConfig> connections, List<DeviceConfig> devices,
            Limits limits, MinerFleetConfig miners, WebServerSettings api) {
        List<ConfigError> errors = new ArrayList<>();
        Set<String> connectionIds = new HashSet<>();
        if (connections != null) {
            for (int i = 0; i < connections.size(); i++) {
                if (!connectionIds.add(connections.get(i).id())) {
                    errors.add(new ConfigError(file, "$.connections[" + i + "].id", "duplicate connection id"));
                }
            }
        }
        if (devices != null) {
            checkDevices(file, devices, connections == null ? null : connectionIds, errors);
            errors.addAll(DeviceRoles.check(file, devices));
        }
        if (limits != null) {
            checkLimits(file, limits, errors);
        }
        if (miners != null) {
            checkGroups(file, miners, errors);
        }
        if (api != null) {
            checkWebServer(file, api, errors);
        }
        return errors;
    }

    /** @param connectionIds the connections devices may name, or null when they are unknown */
    private static void checkDevices(String file, List<DeviceConfig> devices, Set<String> connectionIds,
            List<ConfigError> errors) {
        Set<String> deviceIds = new HashSet<>();
        Set<String> unitsOnConnection = new HashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            DeviceConfig d = devices.get(i);
            String path = "$.devices[" + i + "]";
            if (!deviceIds.add(d.id())) {
                errors.add(new ConfigError(file, path + ".id", "duplicate device id '" + d.id() + "'"));
            }
            if (connectionIds != null && !connectionIds.contains(d.connection())) {
                errors.add(new ConfigError(file, path + ".connection", "no connection '" + d.connection() + "'"));
            }
            if (d.enabled() && !unitsOnConnection.add(d.connection() + "#" + d.unitId())) {
                errors.add(new ConfigError(file, path + ".unitId",
                        "unit id " + d.unitId() + " is already used on connection '" + d.connection() + "'"));
            }
        }
    }

    private static void checkWebServer(String file, WebServerSettings api, List<ConfigError> errors) {
        if (api.tls() == WebServerSettings.TlsMode.OFF && !api.bindsLoopbackOnly()) {
            errors.add(new ConfigError(file, "$.api.tls", "plain HTTP is allowed on a loopback address only;"
                    + " bind '" + api.bind() + "' serves the network, so tls must be 'auto' or 'on'"));
        }
        if (api.keyStore().isPresent() && !api.httpsEnabled()) {
            errors.add(new ConfigError(file, "$.api.keyStore", "a key store is used for HTTPS only, which is off"
                    + " here (tls 'off', or 'auto' on a loopback address); set tls to 'on'"));
        }
        api.keyStore().filter(path -> !path.isAbsolute()).ifPresent(path -> errors.add(
                new ConfigError(file, "$.api.keyStore", "'" + path + "' must be an absolute path")));
        api.keyStorePasswordFile().filter(path -> !path.isAbsolute()).ifPresent(path -> errors.add(
                new ConfigError(file, "$.api.keyStorePasswordFile", "'" + path + "' must be an absolute path")));
        if (api.httpsEnabled() && api.httpsPort() == api.port()) {
            errors.add(new ConfigError(file, "$.api.httpsPort",
                    "HTTPS needs its own port; " + api.port() + " is the plain HTTP port"));
        }
    }

    private static void checkGroups(String file, MinerFleetConfig miners, List<ConfigError> errors) {
        List<MinerGroup> groups = miners.groups();
        for (int i = 0; i < groups.size(); i++) {
            MinerGroup g = groups.get(i);
            String path = "$.miners.groups[" + i + "]";
            if (g.to() < g.from() || g.to() >= miners.count()) {
                errors.add(new ConfigError(file, path, "miners " + g.from() + ".." + g.to()
                        + " are not within 0.." + (miners.count() - 1)));
            }
            for (int j = 0; j < i; j++) {
                MinerGroup o = groups.get(j);
                if (g.from() <= o.to() && o.from() <= g.to()) {
                    errors.add(new ConfigError(file, path, "overlaps group '" + o.name() + "'"));
                }
            }
        }
    }

    private static void checkLimits(String file, Limits l, List<ConfigError> errors) {
        if (l.coolantSupplyTripC() <= l.coolantSupplyWarningC()) {
            errors.add(new ConfigError(file, "$.limits.coolantSupplyTripC",
                    "trip (" + l.coolantSupplyTripC() + ") must be above warning (" + l.coolantSupplyWarningC() + ")"));
        }
        if (l.coolantSupplyLowC() >= l.coolantSupplyWarningC()) {
            errors.add(new ConfigError(file, "$.limits.coolantSupplyLowC",
                    "low limit (" + l.coolantSupplyLowC() + ") must be below warning (" + l.coolantSupplyWarningC() + ")"));
        }
        if (l.importCapKw() > l.transformerRatingKva()) {
            errors.add(new ConfigError(file, "$.limits.importCapKw",
                    "import cap (" + l.importCapKw() + " kW) exceeds the transformer rating ("
                            + l.transformerRatingKva() + " kVA)"));
        }
        if (l.hotSpotEmergencyC() <= l.hotSpotLimitC()) {
            errors.add(new ConfigError(file, "$.limits.hotSpotEmergencyC",
                    "emergency hot spot must be above the continuous limit"));
        }
    }
}
