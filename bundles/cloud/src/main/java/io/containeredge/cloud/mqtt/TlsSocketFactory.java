package io.containeredge.cloud.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the socket factory for {@code ssl://} brokers from the configured stores: the broker's
 * certificate must chain to the trust store (PEM CA certificates, or PKCS12/JKS) (Paho also checks the host name), and the key store, if
 * given, supplies the client certificate for brokers that require one.
 */
public final class TlsSocketFactory {

    private TlsSocketFactory() {
    }

    /** @throws IllegalArgumentException naming the store and the reason when a store cannot be used */
    public static SSLSocketFactory create(MqttSettings.Tls tls) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(loadTrust(tls.trustStore(), tls.trustStorePassword()));
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

    /** PEM files of CA certificates (what Mosquitto's {@code cafile} takes) or a PKCS12/JKS store. */
    private static KeyStore loadTrust(Path file, String password) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(16);
            byte[] head = in.readNBytes(10);
            in.reset();
            if (!"-----BEGIN".equals(new String(head, StandardCharsets.US_ASCII))) {
                return load(file, password, "trust store");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException("cannot read TLS trust store " + file + ": no certificate in it");
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read TLS trust store " + file + ": " + e.getMessage(), e);
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
