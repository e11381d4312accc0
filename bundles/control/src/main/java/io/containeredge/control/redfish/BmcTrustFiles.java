package io.containeredge.control.redfish;

import io.containeredge.site.api.AiSettings.GpuServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;

/** Builds the {@link BmcTrust} of a site's servers from their pins and CA files. */
final class BmcTrustFiles {

    private BmcTrustFiles() {
    }

    /** @throws IllegalArgumentException naming the server when its trust is missing, ambiguous or unreadable */
    static BmcTrust forServers(List<GpuServer> servers, Path dataDir) {
        BmcTrust trust = new BmcTrust();
        for (GpuServer s : servers) {
            String host = s.address().getHost();
            int port = s.address().getPort() < 0 ? 443 : s.address().getPort();
            if (s.trust().pinSha256().isPresent() == s.trust().caFile().isPresent()) {
                throw new IllegalArgumentException("GPU server " + s.id()
                        + " needs exactly one of trust.pinSha256 and trust.caFile");
            }
            if (s.trust().pinSha256().isPresent()) {
                trust.pin(host, port, s.trust().pinSha256().get());
            } else {
                try {
                    trust.ca(host, port, caStore(dataDir.resolve(s.trust().caFile().get()), s.id()));
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException("trust.caFile of GPU server " + s.id() + ": " + e.getMessage(),
                            e);
                }
            }
        }
        return trust;
    }

    private static KeyStore caStore(Path pem, String serverId) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("trust.caFile " + pem + " of GPU server " + serverId
                    + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("trust.caFile " + pem + " of GPU server " + serverId
                    + " holds no PEM certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot make an empty key store", e);
        }
        int i = 0;
        for (Certificate c : certificates) {
            store.setCertificateEntry("ca-" + i++, c);
        }
        return store;
    }
}
