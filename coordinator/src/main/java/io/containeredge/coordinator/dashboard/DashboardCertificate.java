package io.containeredge.coordinator.dashboard;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The dashboard's own TLS certificate: self-signed, made at first start with the JDK's {@code keytool} (the JDK has
 * no public API that makes one) into {@code <keyStoreDir>/dashboard-tls.p12}, its random password beside it in
 * {@code dashboard-tls.pass}, both for the coordinator's user only. Later starts reuse it so that the fingerprint an
 * operator once checked stays the same; it is made again when unreadable, within a month of its end, or when it does
 * not name the address the dashboard now listens on.
 */
final class DashboardCertificate {

    static final String KEY_STORE = "dashboard-tls.p12";
    static final String PASSWORD = "dashboard-tls.pass";
    /** Apple's platforms refuse server certificates valid for longer, even accepted self-signed ones. */
    static final int VALIDITY_DAYS = 825;
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    /** The password reaches keytool through its environment: a command line is readable by every local user. */
    private static final String PASSWORD_VARIABLE = "CONTAINEREDGE_DASHBOARD_KEYSTORE_PASSWORD";

    private final SSLContext context;
    private final X509Certificate certificate;

    private DashboardCertificate(SSLContext context, X509Certificate certificate) {
        this.context = context;
        this.certificate = certificate;
    }

    /** The stored certificate if it still serves {@code bindAddress}, else a new one. */
    static DashboardCertificate obtain(Path keyStoreDir, String bindAddress) throws IOException, GeneralSecurityException {
        List<String> names = subjectAltNames(bindAddress);
        Path store = keyStoreDir.resolve(KEY_STORE);
        Path passwordFile = keyStoreDir.resolve(PASSWORD);
        if (Files.exists(store) && Files.exists(passwordFile)) {
            try {
                DashboardCertificate stored = load(store, Files.readString(passwordFile));
                if (stored.serves(names)) {
                    return stored;
                }
            } catch (IOException | GeneralSecurityException e) {
                // unreadable or from another password: replaced below, the operator checks the new fingerprint
            }
        }
        Files.createDirectories(keyStoreDir);
        String password = randomPassword();
        Path next = keyStoreDir.resolve(KEY_STORE + ".next");
        Files.deleteIfExists(next);
        generate(next, password, names);
        writeOwnerOnly(passwordFile, password);
        Files.move(next, store, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return load(store, password);
    }

    SSLContext sslContext() {
        return context;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the certificate as browsers show it ({@code AB:01:...}). */
    String fingerprint() throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private boolean serves(List<String> names) throws GeneralSecurityException {
        if (certificate.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
            return false;
        }
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        List<String> present = new ArrayList<>();
        // entry: [type, value]; 2 is a DNS name, 7 an IP address
        for (List<?> entry : entries == null ? List.<List<?>>of() : entries) {
            present.add((Integer.valueOf(2).equals(entry.get(0)) ? "dns:" : "ip:") + entry.get(1));
        }
        return present.containsAll(names);
    }

    private static List<String> subjectAltNames(String bindAddress) {
        List<String> names = new ArrayList<>(List.of("dns:localhost", "ip:127.0.0.1"));
        // a wildcard bind (an operator's choice; the default is loopback) names no host for the certificate
        if (!bindAddress.equals(DashboardSettings.LOOPBACK) && !bindAddress.equals("0.0.0.0")) {
            names.add((bindAddress.matches("[0-9.]+") ? "ip:" : "dns:") + bindAddress);
        }
        return names;
    }

    private static DashboardCertificate load(Path store, String password) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance(store.toFile(), password.toCharArray());
        X509Certificate certificate = (X509Certificate) keys.getCertificate("dashboard");
        if (certificate == null) {
            throw new GeneralSecurityException(store + " holds no key 'dashboard'");
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return new DashboardCertificate(context, certificate);
    }

    private static void generate(Path store, String password, List<String> names) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path log = store.resolveSibling(store.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(keytool.toString(), "-genkeypair", "-noprompt", "-keystore",
                store.toString(), "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE, "-alias", "dashboard",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity",
                String.valueOf(VALIDITY_DAYS), "-dname", "CN=ContainerEdge site coordinator",
                "-ext", "SAN=" + String.join(",", names), "-ext", "EKU=serverAuth")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not make the dashboard's certificate within 60 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while keytool made the dashboard's certificate");
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): " + Files.readString(log).strip());
        }
        Files.delete(log);
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
