package io.containeredge.site.internal;

import static io.containeredge.site.internal.SettingRanges.durationAt;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.AiSettings.Contract;
import io.containeredge.site.api.AiSettings.GpuServer;
import io.containeredge.site.api.AiSettings.Tenant;
import io.containeredge.site.api.Limits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the optional {@code ai} section once the schema has accepted it, and checks what the schema cannot: the
 * durations' ranges, unique tenant names and server ids, one entry per BMC chassis, contracts the servers can draw,
 * and floors the site can serve. Nothing in the section switches protection off: there is no key to drop a floor
 * or the cap-follow alarm.
 */
final class AiParser {

    private static final String PATH = "$.ai";

    private AiParser() {
    }

    /** The section read, or the errors that refuse it. */
    record Read(Optional<AiSettings> settings, List<ConfigError> errors) {
    }

    /**
     * @param a the section as the schema accepted it
     * @param limits the site's limits, or null when the schema refused them (the floors' bound is then skipped)
     */
    static Read read(String file, JsonNode a, Limits limits) {
        if (a.isMissingNode()) {
            return new Read(Optional.empty(), List.of());
        }
        List<ConfigError> errors = new ArrayList<>();
        Duration poll = durationAt(file, a, PATH + ".poll", AiSettings.DEFAULT_POLL, SettingRanges.AI_POLL_MIN,
                SettingRanges.AI_POLL_MAX, "every BMC is read this often", errors);
        Duration settle = durationAt(file, a, PATH + ".capSettle", AiSettings.DEFAULT_CAP_SETTLE,
                SettingRanges.AI_CAP_SETTLE_MIN, SettingRanges.AI_CAP_SETTLE_MAX,
                "a server still above its cap this long after it was written is alarmed", errors);
        Duration timeout = durationAt(file, a, PATH + ".requestTimeout", AiSettings.DEFAULT_REQUEST_TIMEOUT,
                SettingRanges.AI_REQUEST_TIMEOUT_MIN, SettingRanges.AI_REQUEST_TIMEOUT_MAX,
                "a Redfish request taking longer has failed", errors);
        if (timeout.compareTo(settle) >= 0) {
            errors.add(new ConfigError(file, PATH + ".requestTimeout", SettingRanges.text(timeout) + " is not below"
                    + " capSettle " + SettingRanges.text(settle)
                    + ": a cap would be alarmed before it could be read back"));
        }
        List<Tenant> tenants = new ArrayList<>();
        List<GpuServerParser.Located> servers = new ArrayList<>();
        JsonNode list = a.get("tenants");
        for (int i = 0; i < list.size(); i++) {
            tenants.add(tenant(file, list.get(i), PATH + ".tenants[" + i + "]", servers, errors));
        }
        checkUnique(file, tenants, servers, errors);
        checkFloors(file, tenants, limits, errors);
        if (!errors.isEmpty()) {
            return new Read(Optional.empty(), errors);
        }
        return new Read(Optional.of(new AiSettings(tenants, poll, timeout, settle)), errors);
    }

    /** @param located collects the tenant's servers with their paths, for the site-wide checks */
    private static Tenant tenant(String file, JsonNode t, String at, List<GpuServerParser.Located> located,
            List<ConfigError> errors) {
        JsonNode c = t.get("contract");
        Contract contract = new Contract(c.get("floorKw").asDouble(), c.get("flexKw").asDouble(),
                c.get("flexUsdPerMwh").asDouble(), c.get("maxCappedHoursPerMonth").asDouble(),
                durationAt(file, c, at + ".contract.rampNotice", Duration.ZERO, Duration.ZERO,
                        SettingRanges.AI_RAMP_NOTICE_MAX, "an economic cap of the band is announced this long ahead",
                        errors));
        int before = errors.size();
        List<GpuServerParser.Located> own = GpuServerParser.read(file, t.get("servers"), at + ".servers", errors);
        boolean everyEntryRead = errors.size() == before;
        located.addAll(own);
        Tenant tenant = new Tenant(t.get("name").asText(), contract,
                own.stream().map(GpuServerParser.Located::server).toList());
        if (contract.maxKw() <= 0) {
            errors.add(new ConfigError(file, at + ".contract", "floorKw + flexKw is 0: the tenant would get no power"));
        } else if (everyEntryRead && contract.maxKw() > tenant.ratedKw()) {
            // judged only when every entry was read: a refused one would make the servers look too small
            errors.add(new ConfigError(file, at + ".contract", "floorKw " + kw(contract.floorKw()) + " + flexKw "
                    + kw(contract.flexKw()) + " = " + kw(contract.maxKw()) + " kW is above the " + kw(tenant.ratedKw())
                    + " kW its " + tenant.servers().size() + " servers are rated for"));
        }
        return tenant;
    }

    /** Tenant names, server ids and BMC chassis are each unique across the whole section. */
    private static void checkUnique(String file, List<Tenant> tenants, List<GpuServerParser.Located> servers,
            List<ConfigError> errors) {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < tenants.size(); i++) {
            Integer first = names.putIfAbsent(tenants.get(i).name(), i);
            if (first != null) {
                errors.add(new ConfigError(file, PATH + ".tenants[" + i + "].name", "tenant '" + tenants.get(i).name()
                        + "' is already named at " + PATH + ".tenants[" + first + "]"));
            }
        }
        Map<String, String> ids = new HashMap<>();
        Map<String, String> chassis = new HashMap<>();
        for (GpuServerParser.Located s : servers) {
            GpuServer server = s.server();
            String firstId = ids.putIfAbsent(server.id(), s.path());
            if (firstId != null) {
                errors.add(new ConfigError(file, s.path(), "server id '" + server.id() + "' is already used at "
                        + firstId));
            }
            URI address = server.address();
            String firstChassis = chassis.putIfAbsent(address + " " + server.chassis(), s.path());
            if (firstChassis != null) {
                errors.add(new ConfigError(file, s.path(), "server '" + server.id() + "': chassis '" + server.chassis()
                        + "' at " + address + " is already listed at " + firstChassis
                        + " (its power would count twice)"));
            }
        }
    }

    /** A firm floor the site cannot import is a promise the gateway cannot keep: refused, not silently cut. */
    private static void checkFloors(String file, List<Tenant> tenants, Limits limits, List<ConfigError> errors) {
        double floors = tenants.stream().mapToDouble(t -> t.contract().floorKw()).sum();
        if (limits != null && floors > limits.importCapKw()) {
            errors.add(new ConfigError(file, PATH + ".tenants", "the tenants' firm floors add up to " + kw(floors)
                    + " kW, above the site's import cap of " + kw(limits.importCapKw())
                    + " kW (limits.importCapKw): a floor the site cannot serve"));
        }
    }

    /** As written: 100, not 100.0. */
    private static String kw(double kw) {
        return kw == Math.rint(kw) ? String.valueOf((long) kw) : String.valueOf(kw);
    }
}
