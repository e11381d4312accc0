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

    public OpenAdrSettings {
        programs = List.copyOf(programs);
    }
}
