package io.containeredge.site.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The site's {@code api} section: where the gateway's web server (JSON API and console) listens and
 * whether it speaks TLS.
 *
 * @param bind the address it binds to; {@code 0.0.0.0} serves every interface
 * @param port the plain HTTP port; with TLS it only redirects to {@code httpsPort}
 * @param tls whether HTTPS is served, see {@link #httpsEnabled()}
 * @param httpsPort the HTTPS port
 * @param keyStore the operator's PKCS12 or JKS key store; empty = a self-signed certificate the gateway
 *     generates on first start
 * @param keyStorePasswordFile the file holding that key store's password: a file, not the password,
 *     because site documents are versioned, shown in the console and sent to the operations centre
 */
public record WebServerSettings(
        String bind,
        int port,
        TlsMode tls,
        int httpsPort,
        Optional<Path> keyStore,
        Optional<Path> keyStorePasswordFile) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_HTTPS_PORT = 8443;

    /** The site's choice; {@code tls: on} and {@code off} arrive from YAML as booleans, both spellings mean the same. */
    public enum TlsMode {
        /** HTTPS unless the server binds to loopback only (the demo, tests). */
        AUTO,
        ON,
        /** Plain HTTP; the validator allows it on a loopback bind address only. */
        OFF
    }

    /** Whether HTTPS is served (and plain HTTP only redirects to it). */
    public boolean httpsEnabled() {
        return switch (tls) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> !bindsLoopbackOnly();
        };
    }

    /** True when nothing outside this machine can reach the server. */
    public boolean bindsLoopbackOnly() {
        return LoopbackAddress.is(bind);
    }
}
