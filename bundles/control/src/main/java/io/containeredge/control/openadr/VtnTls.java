package io.containeredge.control.openadr;

import io.containeredge.site.api.PemTrust;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS context the VEN trusts its VTN with: the JDK's trust store, or the CA certificates of a PEM file. */
final class VtnTls {

    private VtnTls() {
    }

    /**
     * @param caFile empty: the JDK's default context
     * @throws IllegalArgumentException naming the file when it cannot be read or holds no certificate
     */
    static SSLContext context(Path dataDir, String caFile) {
        try {
            if (caFile.isEmpty()) {
                return SSLContext.getDefault();
            }
            Path pem = dataDir.resolve(caFile);
            KeyStore anchors = PemTrust.trustStore(pem);
            if (anchors.size() == 0) {
                throw new IllegalArgumentException("the VTN's caFile " + pem + " holds no PEM certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (IOException e) {
            throw new IllegalArgumentException("the VTN's caFile " + caFile + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the VTN's caFile " + caFile + ": " + e.getMessage(), e);
        }
    }
}
