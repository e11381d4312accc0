package io.containeredge.gateway.webserver;

import io.containeredge.site.api.WebServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Dictionary;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the site's {@code api} section into the web server's configuration: plain HTTP where the
 * site allows it (loopback), else HTTPS with the operator's key store or the gateway's self-signed
 * certificate, its fingerprint logged for a technician to compare with the browser's. When HTTPS is
 * required but no certificate can be had, the web server serves nothing: the gateway's control keeps
 * running, and plain HTTP never stands in for HTTPS.
 */
public final class WebServerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WebServerConfiguration.class);

    private final Keytool keytool;
    private final Clock clock;

    WebServerConfiguration(Keytool keytool, Clock clock) {
        this.keytool = keytool;
        this.clock = clock;
    }

    public static WebServerConfiguration ofThisJava() {
        return new WebServerConfiguration(Keytool.ofThisJava(), Clock.systemUTC());
    }

    /**
     * Writes the Felix HTTP configuration. Unchanged properties are not written again, so a new
     * configuration version with the same {@code api} section does not restart the web server.
     *
     * @param port the plain HTTP port (the site's, or the command line's override)
     * @param dataDir where a self-signed certificate is kept
     * @param container the container id, the self-signed certificate's common name
     */
    public void write(ConfigurationAdmin configAdmin, WebServerSettings api, int port, Path dataDir, String container)
            throws IOException {
        configAdmin.getConfiguration(FelixHttpProperties.PID, "?")
                .updateIfDifferent(properties(api, port, dataDir, container));
    }

    Dictionary<String, Object> properties(WebServerSettings api, int port, Path dataDir, String container) {
        if (!api.httpsEnabled()) {
            LOG.info("web server: plain HTTP on {}:{}", api.bind(), port);
            return FelixHttpProperties.plainHttp(api.bind(), port);
        }
        try {
            KeyStoreFile keyStore = keyStore(api, dataDir, container);
            X509Certificate certificate = keyStore.certificate();
            LOG.info("web server: HTTPS on {}:{}, plain HTTP on port {} redirects to it; certificate {}"
                    + " valid until {}, SHA-256 fingerprint {} (from {})", api.bind(), api.httpsPort(), port,
                    certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant(),
                    KeyStoreFile.fingerprint(certificate), keyStore.path());
            return FelixHttpProperties.https(api.bind(), port, api.httpsPort(), keyStore);
        } catch (IOException | GeneralSecurityException e) {
            LOG.error("web server off: HTTPS is required on {} but there is no usable certificate: {}", api.bind(),
                    e.toString());
            return FelixHttpProperties.nothing(api.bind(), port);
        }
    }

    private KeyStoreFile keyStore(WebServerSettings api, Path dataDir, String container)
            throws IOException, GeneralSecurityException {
        if (api.keyStore().isPresent()) {
            // the schema requires the password file with the key store
            Path passwordFile = api.keyStorePasswordFile().orElseThrow();
            String password = Files.readAllLines(passwordFile).stream().findFirst().orElse("");
            return new KeyStoreFile(api.keyStore().get(), password);
        }
        return new SelfSignedKeyStore(dataDir, keytool, clock).obtain(container, SubjectAltNames.forBind(api.bind()));
    }
}
