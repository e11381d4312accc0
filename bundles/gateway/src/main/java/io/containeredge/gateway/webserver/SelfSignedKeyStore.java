package io.containeredge.gateway.webserver;

import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server's own certificate when the operator configured none: generated on first start into
 * {@code <data dir>/console-tls.p12}, its random password in {@code console-tls.pass}, both readable by
 * the gateway's user only. Later starts reuse it, so the fingerprint a technician once verified stays
 * the same; it is generated again only when missing, unreadable, about to expire, or when its
 * subjectAltName lacks an address or name the gateway is now reached by (a new bind address, a new
 * interface address, a renamed host). Names it carries beyond those are no reason: a superset serves.
 */
final class SelfSignedKeyStore {

    static final String KEY_STORE_FILE = "console-tls.p12";
    static final String PASSWORD_FILE = "console-tls.pass";
    /** Apple's platforms refuse TLS server certificates valid for more than 825 days, even accepted self-signed ones. */
    static final int VALIDITY_DAYS = 825;
    /** Renewed this long before it expires, so that no technician meets an expired certificate. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedKeyStore.class);

    private final Path dataDir;
    private final Keytool keytool;
    private final Clock clock;

    SelfSignedKeyStore(Path dataDir, Keytool keytool, Clock clock) {
        this.dataDir = dataDir;
        this.keytool = keytool;
        this.clock = clock;
    }

    /**
     * The stored key store if it is usable and its certificate names every one of {@code subjectAltNames},
     * else a new one for {@code commonName} and {@code subjectAltNames}.
     *
     * @throws GeneralSecurityException when the new store holds no usable certificate
     */
    KeyStoreFile obtain(String commonName, List<String> subjectAltNames) throws IOException, GeneralSecurityException {
        Optional<KeyStoreFile> stored = stored(subjectAltNames);
        return stored.isPresent() ? stored.get() : generate(commonName, subjectAltNames);
    }

    private Optional<KeyStoreFile> stored(List<String> subjectAltNames) {
        Path store = dataDir.resolve(KEY_STORE_FILE);
        if (!Files.exists(store)) {
            return Optional.empty();
        }
        try {
            KeyStoreFile file = new KeyStoreFile(store, Files.readString(dataDir.resolve(PASSWORD_FILE)));
            X509Certificate certificate = file.certificate();
            if (certificate.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE))) {
                LOG.warn("the web server's certificate in {} expires {}; generating a new one", store,
                        certificate.getNotAfter().toInstant());
                return Optional.empty();
            }
            List<String> missing = SubjectAltNames.missingFrom(certificate, subjectAltNames);
            if (!missing.isEmpty()) {
                LOG.info("the web server's certificate in {} names {} but not {}; generating a new one", store,
                        SubjectAltNames.inCertificate(certificate), missing);
                return Optional.empty();
            }
            return Optional.of(file);
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("the web server's key store {} is unreadable ({}); generating a new one", store, e.toString());
            return Optional.empty();
        }
    }

    /**
     * keytool writes into a directory only the gateway's user can enter; the result is then published
     * atomically. A power cut between publishing the password and the store leaves a pair that does not
     * open, which the next start replaces.
     */
    private KeyStoreFile generate(String commonName, List<String> subjectAltNames)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(dataDir);
        Path work = Files.createTempDirectory(dataDir, ".console-tls-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            String password = randomPassword();
            Path generated = work.resolve(KEY_STORE_FILE);
            keytool.generateSelfSigned(generated, password, commonName, subjectAltNames, VALIDITY_DAYS);
            DurableFiles.replaceOwnerOnly(dataDir.resolve(PASSWORD_FILE), password.getBytes(StandardCharsets.UTF_8));
            DurableFiles.replaceOwnerOnly(dataDir.resolve(KEY_STORE_FILE), Files.readAllBytes(generated));
            KeyStoreFile file = new KeyStoreFile(dataDir.resolve(KEY_STORE_FILE), password);
            LOG.info("generated a self-signed certificate for the web server in {} for {}, SHA-256 fingerprint {}",
                    file.path(), subjectAltNames, KeyStoreFile.fingerprint(file.certificate()));
            return file;
        } finally {
            DurableFiles.deleteTree(work);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
