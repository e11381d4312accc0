package io.containeredge.control.redfish;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Whom the gateway trusts, BMC by BMC, so that one HTTP client serves them all: the trust manager picks each BMC's
 * anchor by the peer's host and port (the JDK client names both when it opens the TLS engine). A pinned BMC is
 * accepted by the SHA-256 of its leaf certificate alone (the pin identifies it, so its host name is not checked);
 * a BMC with a CA file goes through PKIX with the host name check the client asks for. An unknown peer is refused.
 */
final class BmcTrust extends X509ExtendedTrustManager {

    /** One BMC's anchor: checks the chain it presents or throws with the reason. */
    @FunctionalInterface
    interface Anchor {
        void check(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException;
    }

    private final Map<String, Anchor> anchors = new ConcurrentHashMap<>();

    /** Trusts the BMC at host:port by its certificate's SHA-256 (hex, colons and case ignored). */
    void pin(String host, int port, String sha256) {
        String want = sha256.replace(":", "").toLowerCase(Locale.ROOT);
        if (!want.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("pinSha256 for " + host + ":" + port
                    + " must be 64 hex digits (colons allowed), got '" + sha256 + "'");
        }
        anchors.put(key(host, port), (chain, authType, engine) -> {
            String got = sha256(chain[0]);
            if (!got.equals(want)) {
                throw new CertificateException("certificate SHA-256 " + got + " is not the pinned " + want);
            }
        });
    }

    /** Trusts the BMC at host:port through the CA certificates of a key store, host name checked. */
    void ca(String host, int port, KeyStore caCertificates) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(caCertificates);
        X509ExtendedTrustManager pkix = null;
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                pkix = x;
            }
        }
        if (pkix == null) {
            throw new GeneralSecurityException("the JDK offers no PKIX trust manager");
        }
        X509ExtendedTrustManager delegate = pkix;
        anchors.put(key(host, port), delegate::checkServerTrusted);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        anchorOf(engine.getPeerHost(), engine.getPeerPort()).check(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        // the gateway's client uses engines only; a socket would bypass the per-engine host name check
        SSLSession s = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        throw new CertificateException("BMC connections are made through the HTTP client only"
                + (s == null ? "" : " (peer " + s.getPeerHost() + ")"));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("no peer to choose a BMC's trust anchor for");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the gateway trusts no TLS clients here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the gateway trusts no TLS clients here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the gateway trusts no TLS clients here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private Anchor anchorOf(String host, int port) throws CertificateException {
        Anchor a = host == null ? null : anchors.get(key(host, port));
        if (a == null) {
            throw new CertificateException("no trust anchor configured for " + host + ":" + port);
        }
        return a;
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    static String sha256(X509Certificate certificate) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot fingerprint the certificate: " + e.getMessage(), e);
        }
    }
}
