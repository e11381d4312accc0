package io.containeredge.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTPS client that trusts exactly one certificate (the gateway's), with the JDK's usual chain and
 * host name checks: what a technician's browser does once the certificate is accepted. Never trust-all.
 */
final class PinnedTlsClient {

    private final HttpClient http;

    /** @param protocols the TLS versions to offer, e.g. {@code TLSv1.2} */
    PinnedTlsClient(X509Certificate trusted, String... protocols) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("gateway", trusted);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        SSLParameters parameters = tls.getDefaultSSLParameters();
        if (protocols.length > 0) {
            parameters.setProtocols(protocols);
        }
        http = HttpClient.newBuilder().sslContext(tls).sslParameters(parameters).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The certificate the server presented in {@code response}'s TLS session. */
    static X509Certificate served(HttpResponse<?> response) throws IOException {
        return (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    }
}
