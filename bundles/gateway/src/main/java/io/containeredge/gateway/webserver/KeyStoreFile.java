package io.containeredge.gateway.webserver;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;

/**
 * A key store the web server presents its certificate from, and its password. The key's password is
 * the same: keytool's PKCS12 stores have one password, and the site names one password file.
 */
record KeyStoreFile(Path path, String password) {

    /**
     * The certificate of the store's first private key, which is what a browser is shown.
     *
     * @throws IOException when the file is missing or corrupt, or the password is wrong
     * @throws GeneralSecurityException when it holds no private key with an X.509 certificate
     */
    X509Certificate certificate() throws IOException, GeneralSecurityException {
        // this overload recognises PKCS12 and JKS by their content
        KeyStore store = KeyStore.getInstance(path.toFile(), password.toCharArray());
        for (String alias : Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(alias);
            if (store.isKeyEntry(alias) && certificate instanceof X509Certificate x509) {
                return x509;
            }
        }
        throw new KeyStoreException(path + " holds no private key with a certificate");
    }

    /** SHA-256 of the certificate as browsers show it ({@code AB:01:...}), for a technician to compare. */
    static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
}
