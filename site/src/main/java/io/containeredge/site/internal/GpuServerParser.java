package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.AiSettings.Auth;
import io.containeredge.site.api.AiSettings.GpuServer;
import io.containeredge.site.api.AiSettings.Trust;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a tenant's {@code servers} list once the schema has accepted it: each entry one server (id and address) or a
 * group of alike servers on consecutive ports of one host, expanded here into its servers. Checks what the schema
 * cannot: the form, the address (https, a host, nothing but the base address), the trust anchor.
 */
final class GpuServerParser {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_PORT = 65535;

    private GpuServerParser() {
    }

    /** A server read, and where the document declares it (a group's servers share their entry's path). */
    record Located(GpuServer server, String path) {
    }

    static List<Located> read(String file, JsonNode servers, String path, List<ConfigError> errors) {
        List<Located> read = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            JsonNode s = servers.get(i);
            String at = path + "[" + i + "]";
            if (s.has("id") == s.has("idPrefix")) {
                errors.add(new ConfigError(file, at, "give either id and address (one server) or idPrefix, count,"
                        + " host and basePort (a group of alike servers), not " + (s.has("id") ? "both" : "neither")));
                continue;
            }
            Common common = common(file, s, at, errors);
            if (s.has("id")) {
                address(file, at + ".address", s.get("address").asText(), errors)
                        .ifPresent(uri -> read.add(new Located(common.server(s.get("id").asText(), uri), at)));
            } else {
                group(file, s, at, common, errors).forEach(server -> read.add(new Located(server, at)));
            }
        }
        return read;
    }

    /** What every server of an entry shares. */
    private record Common(String chassis, double ratedW, Auth auth, String credentialsFile, Trust trust) {

        GpuServer server(String id, URI address) {
            return new GpuServer(id, address, chassis, ratedW, auth, credentialsFile, trust);
        }
    }

    private static Common common(String file, JsonNode s, String at, List<ConfigError> errors) {
        Auth auth = Auth.valueOf(s.path("auth").asText("session").toUpperCase(Locale.ROOT));
        String credentials = FilePaths.optional(file, at + ".credentialsFile", s.get("credentialsFile"), errors)
                .orElseThrow();
        return new Common(s.get("chassis").asText(), s.get("ratedW").asDouble(), auth, credentials,
                trust(file, s.get("trust"), at + ".trust", errors));
    }

    /** {@code <idPrefix>-01} .. {@code <idPrefix>-<count>} on {@code basePort} .. {@code basePort + count - 1}. */
    private static List<GpuServer> group(String file, JsonNode s, String at, Common common, List<ConfigError> errors) {
        int count = s.get("count").asInt();
        int basePort = s.get("basePort").asInt();
        if (basePort + count - 1 > MAX_PORT) {
            errors.add(new ConfigError(file, at + ".count", count + " servers from port " + basePort + " end at port "
                    + (basePort + count - 1) + ", beyond " + MAX_PORT));
            return List.of();
        }
        String host = s.get("host").asText();
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        if (address(file, at + ".host", "https://" + bracketed + ":" + basePort, errors).isEmpty()) {
            return List.of();
        }
        String prefix = s.get("idPrefix").asText();
        String digits = "%0" + String.valueOf(count).length() + "d";
        List<GpuServer> servers = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            URI address = URI.create("https://" + bracketed + ":" + (basePort + n - 1));
            servers.add(common.server(prefix + "-" + String.format(Locale.ROOT, digits, n), address));
        }
        return servers;
    }

    /**
     * A BMC's base address: https with a host and, where given, a port; no user (credentials belong in their file),
     * no path, query or fragment (the Redfish paths are the client's). Plain http is refused: the credentials and the
     * caps would travel in clear.
     */
    private static Optional<URI> address(String file, String at, String text, List<ConfigError> errors) {
        return Addresses.read(file, at, text, GpuServerParser::addressProblem, errors)
                .map(uri -> URI.create("https://" + uri.getRawAuthority()));
    }

    private static String addressProblem(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            return "is plain http: a BMC is reached over https only (its credentials and caps would travel in clear)";
        }
        if (!scheme.equals("https")) {
            return "is not an https address, e.g. https://10.0.4.21";
        }
        if (uri.getHost() == null) {
            return "has no host name or address";
        }
        if (uri.getUserInfo() != null) {
            return "holds a user: the credentials belong in credentialsFile";
        }
        int port = uri.getPort();
        if (port == 0 || port > MAX_PORT || port == -1 && uri.getRawAuthority().endsWith(":")) {
            return "has a port outside 1 to " + MAX_PORT;
        }
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        return bare ? null : "is more than the BMC's base address: the Redfish paths are the gateway's";
    }

    /** Exactly one anchor; a pin is normalised to lower-case hex without colons. */
    private static Trust trust(String file, JsonNode t, String at, List<ConfigError> errors) {
        boolean pinned = t.has("pinSha256");
        if (pinned == t.has("caFile")) {
            errors.add(new ConfigError(file, at, "give exactly one of pinSha256 (the BMC's certificate fingerprint)"
                    + " or caFile (a PEM file of the CA certificates to trust), not " + (pinned ? "both" : "neither")));
            return new Trust(Optional.empty(), Optional.empty());
        }
        if (!pinned) {
            return new Trust(Optional.empty(), FilePaths.optional(file, at + ".caFile", t.get("caFile"), errors));
        }
        String written = t.get("pinSha256").asText();
        String hex = written.replace(":", "").toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            errors.add(new ConfigError(file, at + ".pinSha256", "'" + written + "' is not a SHA-256 fingerprint:"
                    + " 64 hex digits, colons allowed (" + hex.length() + " characters without colons)"));
        }
        return new Trust(Optional.of(hex), Optional.empty());
    }
}
