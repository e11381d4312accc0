package io.containeredge.control.redfish;

import io.containeredge.site.api.PemTrust;
import io.containeredge.site.api.AiSettings.GpuServer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
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
        KeyStore store;
        try {
            store = PemTrust.trustStore(pem);
        } catch (IOException e) {
            throw new IllegalArgumentException("trust.caFile " + pem + " of GPU server " + serverId
                    + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (store.size() == 0) {
            throw new IllegalArgumentException("trust.caFile " + pem + " of GPU server " + serverId
                    + " holds no PEM certificate");
        }
        return store;
    }
}
