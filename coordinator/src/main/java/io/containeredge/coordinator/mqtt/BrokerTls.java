package io.containeredge.coordinator.mqtt;

import io.containeredge.site.api.PemTrust;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** The TLS of {@code ssl://} brokers: the broker's certificate must chain to the CA file (PEM, as Mosquitto's cafile). */
final class BrokerTls {

    private BrokerTls() {
    }

    /** @throws IllegalArgumentException naming the file when it cannot be used */
    static SSLSocketFactory socketFactory(Path caFile) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(PemTrust.trustStore(caFile));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the CA file " + caFile + ": " + e.getMessage(), e);
        }
    }
}
