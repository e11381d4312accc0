package io.containeredge.gateway.webserver;

import java.util.Dictionary;
import java.util.Hashtable;

/**
 * The Felix HTTP Jetty configuration (PID {@code org.apache.felix.http}) for each way the web server can
 * run. Property names as Felix's {@code JettyConfig} reads them.
 */
final class FelixHttpProperties {

    static final String PID = "org.apache.felix.http";
    /**
     * TLS 1.0 and 1.1 are deprecated (RFC 8996). Felix splits the text at commas; a text rather than an
     * array, so that ConfigAdmin sees an unchanged configuration as unchanged and Jetty is not restarted.
     */
    static final String TLS_PROTOCOLS = "TLSv1.3,TLSv1.2";

    private FelixHttpProperties() {
    }

    static Dictionary<String, Object> plainHttp(String bind, int port) {
        Dictionary<String, Object> props = base(bind, port);
        props.put("org.apache.felix.http.enable", true);
        props.put("org.apache.felix.https.enable", false);
        return props;
    }

    /** HTTPS on {@code httpsPort}; plain HTTP on {@code port} stays open for the redirect to it. */
    static Dictionary<String, Object> https(String bind, int port, int httpsPort, KeyStoreFile keyStore) {
        Dictionary<String, Object> props = base(bind, port);
        props.put("org.apache.felix.http.enable", true);
        props.put("org.apache.felix.https.enable", true);
        props.put("org.osgi.service.http.port.secure", httpsPort);
        props.put("org.apache.felix.https.keystore", keyStore.path().toString());
        props.put("org.apache.felix.https.keystore.password", keyStore.password());
        props.put("org.apache.felix.https.keystore.key.password", keyStore.password());
        props.put("org.apache.felix.https.jetty.protocols.included", TLS_PROTOCOLS);
        return props;
    }

    /** Neither port: for when HTTPS is required but there is no certificate, plain HTTP is no substitute. */
    static Dictionary<String, Object> nothing(String bind, int port) {
        Dictionary<String, Object> props = base(bind, port);
        props.put("org.apache.felix.http.enable", false);
        props.put("org.apache.felix.https.enable", false);
        return props;
    }

    private static Dictionary<String, Object> base(String bind, int port) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("org.apache.felix.http.host", bind);
        props.put("org.osgi.service.http.port", port);
        return props;
    }
}
