package io.containeredge.site.internal;

import static io.containeredge.site.internal.SettingRanges.durationAt;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.OpenAdrSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code grid.openAdr}: the OpenADR 3 VEN. Checks what the schema cannot: the addresses (https, or http on
 * loopback only, no credentials in them), the poll and back-off ranges. The client id and secret are never in the site
 * file: only the name of their file in the data directory.
 */
final class OpenAdrParser {

    private static final String PATH = "$.grid.openAdr";
    static final Duration POLL_MIN = Duration.ofSeconds(1);
    static final Duration POLL_MAX = Duration.ofMinutes(5);
    static final Duration MAX_BACKOFF_MAX = Duration.ofHours(1);
    static final Duration REPORT_MIN = Duration.ofSeconds(1);
    static final Duration REPORT_MAX = Duration.ofHours(1);

    private OpenAdrParser() {
    }

    static Optional<OpenAdrSettings> read(String file, JsonNode o, List<ConfigError> errors) {
        if (o.isMissingNode()) {
            return Optional.empty();
        }
        int before = errors.size();
        Optional<URI> vtn = address(file, PATH + ".vtnUrl", o.get("vtnUrl").asText(), errors);
        Optional<URI> token = o.has("tokenUrl") ? address(file, PATH + ".tokenUrl", o.get("tokenUrl").asText(), errors)
                : vtn.map(v -> URI.create(v + OpenAdrSettings.TOKEN_PATH));
        Duration poll = durationAt(file, o, PATH + ".poll", OpenAdrSettings.DEFAULT_POLL, POLL_MIN, POLL_MAX,
                "the VTN's programs and events are read this often", errors);
        Duration maxBackoff = durationAt(file, o, PATH + ".maxBackoff", OpenAdrSettings.DEFAULT_MAX_BACKOFF, poll,
                MAX_BACKOFF_MAX, "the longest wait between attempts while the VTN is down (at least the poll)",
                errors);
        Duration report = durationAt(file, o, PATH + ".reportInterval", OpenAdrSettings.DEFAULT_REPORT_INTERVAL,
                REPORT_MIN, REPORT_MAX, "measured load is reported to the VTN in intervals of this length", errors);
        String credentials = FilePaths.optional(file, PATH + ".credentialsFile", o.get("credentialsFile"), errors)
                .orElseThrow();
        String ca = FilePaths.optional(file, PATH + ".caFile", o.path("caFile"), errors).orElse("");
        List<String> programs = new ArrayList<>();
        o.path("programs").forEach(p -> programs.add(p.asText()));
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new OpenAdrSettings(vtn.orElseThrow(), token.orElseThrow(), o.get("venName").asText(),
                credentials, programs, poll, maxBackoff, report, ca));
    }

    /** An https address (http on loopback), with a host, without a user, query or fragment; no trailing slash. */
    private static Optional<URI> address(String file, String at, String text, List<ConfigError> errors) {
        return Addresses.read(file, at, text, OpenAdrParser::problem, errors)
                .map(uri -> text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri);
    }

    private static String problem(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            return "has no host name or address";
        }
        if (scheme.equals("http") && !OpenAdrSettings.clearTextAllowed(uri)) {
            return "is plain http: a VTN is reached over https (the client secret and the token would travel in"
                    + " clear); http only for a VTN on this machine (127.0.0.1, ::1, localhost)";
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "is not an https address, e.g. https://vtn.example/openadr3/3.0.1";
        }
        if (uri.getUserInfo() != null) {
            return "holds a user: the client id and secret belong in credentialsFile";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "has a query or fragment: only the base address is configured";
        }
        return null;
    }
}
