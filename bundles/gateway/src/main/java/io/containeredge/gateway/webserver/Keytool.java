package io.containeredge.gateway.webserver;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@code keytool} as a child process: the JDK has no public API that makes a certificate,
 * and the gateway brings no cryptography library of its own.
 */
final class Keytool {

    /** A key pair and one signature take well under a second; this bounds a stuck child. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The password goes through the environment, not the command line, which other users can read. */
    private static final String PASSWORD_VARIABLE = "CONTAINEREDGE_KEYSTORE_PASSWORD";

    private final Path executable;

    Keytool(Path executable) {
        this.executable = executable;
    }

    /** The keytool of the Java runtime the gateway runs on. */
    static Keytool ofThisJava() {
        return new Keytool(Path.of(System.getProperty("java.home"), "bin", "keytool"));
    }

    /**
     * Writes a new PKCS12 store holding an EC P-256 key and a self-signed certificate for it, marked for
     * TLS servers.
     *
     * @param keyStore where to write it; must not exist yet. keytool's output goes to a sibling file
     * @param subjectAltNames in keytool's syntax, e.g. {@code dns:gateway}, {@code ip:10.0.0.5}
     */
    void generateSelfSigned(Path keyStore, String password, String commonName, List<String> subjectAltNames,
            int validityDays) throws IOException {
        if (!Files.isExecutable(executable)) {
            throw new IOException("no keytool at " + executable + "; configure api.keyStore instead");
        }
        Path output = keyStore.resolveSibling(keyStore.getFileName() + ".keytool.log");
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-genkeypair", "-noprompt",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE,
                "-alias", "web-server", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-validity", String.valueOf(validityDays), "-dname", "CN=" + commonName,
                "-ext", "SAN=" + String.join(",", subjectAltNames), "-ext", "EKU=serverAuth")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while keytool generated a certificate");
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): " + Files.readString(output).strip());
        }
    }
}
