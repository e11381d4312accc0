package io.containeredge.site.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/**
 * The CA certificates of a PEM file as a trust store, for a client that trusts a site's own CA: the gateway's Redfish
 * and OpenADR clients, the site coordinator's broker link.
 */
public final class PemTrust {

    private PemTrust() {
    }

    /**
     * Every certificate of {@code pem}, as trusted entries.
     *
     * @return empty (size 0) when the file holds no certificate: the caller says so in its own words
     * @throws IOException when the file cannot be read
     * @throws GeneralSecurityException when a certificate cannot be parsed
     */
    public static KeyStore trustStore(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
        }
        return store;
    }
}
