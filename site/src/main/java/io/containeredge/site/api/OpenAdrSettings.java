package io.containeredge.site.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The OpenADR 3 VEN ({@code grid.openAdr}): polls a VTN's programs and events over HTTPS (or http on loopback) with an
 * OAuth2 client-credentials token, maps the events onto limits and price slots, reports measured load.
 *
 * @param vtnUrl the VTN's base URL, e.g. {@code https://vtn.example/openadr3/3.0.1}
 * @param tokenUrl the OAuth2 token endpoint
 * @param venName the name this VEN registers under
 * @param credentialsFile client id and secret, in the data directory (not in the site file)
 * @param programs the program names to follow; empty: every program the VTN offers this VEN
 * @param poll how often programs and events are read (default 10 s); failures back off up to {@code maxBackoff}
 * @param maxBackoff the longest wait between attempts while the VTN is down
 * @param reportInterval how often measured load is reported during an active event
 * @param caFile a CA certificate file (PEM) to trust for the VTN; empty: the JDK's trust store
 */
public record OpenAdrSettings(URI vtnUrl, URI tokenUrl, String venName, String credentialsFile, List<String> programs,
        Duration poll, Duration maxBackoff, Duration reportInterval, String caFile) {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofMinutes(1);
    /** Where the token endpoint is when the site names none: the VTN's own, as the OpenADR 3 API defines it. */
    public static final String TOKEN_PATH = "/auth/token";

    public OpenAdrSettings {
        programs = List.copyOf(programs);
    }

    /**
     * Plain http carries the client secret and the token in clear: it is only for a VTN on this machine (the demo's and
     * the tests'), named by a loopback address or {@code localhost}.
     */
    public static boolean clearTextAllowed(URI uri) {
        return uri.getHost() != null && LoopbackAddress.is(uri.getHost());
    }
}
