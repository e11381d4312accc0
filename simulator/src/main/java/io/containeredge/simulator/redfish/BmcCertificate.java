package io.containeredge.simulator.redfish;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The one self-signed certificate every simulated BMC presents (SAN {@code ip:127.0.0.1}, {@code dns:localhost}),
 * made once per JVM with the JDK's {@code keytool} as a child process: the JDK has no public API that makes a
 * certificate. A site trusts it by its PEM as {@code caFile} or by pinning {@link #sha256()}.
 */
public final class BmcCertificate {

    private static final String PASSWORD = "simulated-bmc";
    private static final String PASSWORD_VARIABLE = "CONTAINEREDGE_BMC_STORE_PASSWORD";
    private static BmcCertificate shared;

    private final SSLContext sslContext;
    private final X509Certificate certificate;

    private BmcCertificate(SSLContext sslContext, X509Certificate certificate) {
        this.sslContext = sslContext;
        this.certificate = certificate;
    }

    /** The certificate of this JVM's simulated BMCs, made on first use (about a second). */
    public static synchronized BmcCertificate shared() throws IOException {
        if (shared == null) {
            shared = generate();
        }
        return shared;
    }

    private static BmcCertificate generate() throws IOException {
        Path dir = Files.createTempDirectory("simulated-bmc-tls");
        Path store = dir.resolve("bmc.p12");
        try {
            runKeytool(store, dir.resolve("keytool.log"));
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return new BmcCertificate(context, (X509Certificate) keyStore.getCertificate("bmc"));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the simulated BMCs' key store: " + e.getMessage(), e);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void runKeytool(Path store, Path log) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        ProcessBuilder builder = new ProcessBuilder(keytool.toString(), "-genkeypair", "-noprompt",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE,
                "-alias", "bmc", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                "-dname", "CN=ContainerEdge simulated BMC", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                // like openssl's self-signed certificates: its own CA, so OpenSSL clients (sushy) take it as caFile
                "-ext", "BC=ca:true", "-ext", "KU=digitalSignature,keyCertSign", "-ext", "EKU=serverAuth")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(PASSWORD_VARIABLE, PASSWORD);
        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while keytool made the BMC certificate");
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): " + Files.readString(log).strip());
        }
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /** The certificate in PEM, as a site's {@code caFile}. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the DER certificate, lower-case hex without colons, as a site's {@code pinSha256}. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
