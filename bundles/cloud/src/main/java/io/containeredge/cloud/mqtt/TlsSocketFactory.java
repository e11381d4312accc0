package io.containeredge.cloud.mqtt;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the socket factory for {@code ssl://} brokers from the configured stores: the broker's
 * certificate must chain to the trust store (Paho also checks the host name), and the key store, if
 * given, supplies the client certificate for brokers that require one.
 */
public final class TlsSocketFactory {

    private TlsSocketFactory() {
    }

    /** @throws IllegalArgumentException naming the store and the reason when a store cannot be used */
    public static SSLSocketFactory create(MqttSettings.Tls tls) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(tls.trustStore(), tls.trustStorePassword(), "trust store"));
            KeyManagerFactory kmf = null;
            if (tls.keyStore() != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(tls.keyStore(), tls.keyStorePassword(), "key store"), chars(tls.keyStorePassword()));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password, String what) {
        try {
            // getInstance(File, …) detects PKCS12 or JKS from the content; a missing file is an
            // IllegalArgumentException without the store's role, hence caught and re-worded too
            return KeyStore.getInstance(file.toFile(), chars(password));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read TLS " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }
}
