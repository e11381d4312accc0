package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's web server over HTTPS, with the jar as a process on loopback and a site saying
 * {@code tls: on}: the self-signed certificate made on first start is served, kept across a restart,
 * and plain HTTP only redirects; an operator's key store replaces it. What the API answers over HTTPS
 * (200, or 401 / 503 from the login layer) is not this test's concern: the TLS session, the certificate
 * and the HSTS header are.
 */
class HttpsEndToEndTest {

    @TempDir
    Path work;

    @Test
    void selfSignedCertificateIsServedKeptAcrossARestartAndPlainHttpOnlyRedirects() throws Exception {
        Ports ports = Ports.free();
        Path config = site(ports, "");
        Path data = work.resolve("data");
        X509Certificate generated;
        try (ChildProcess gateway = start("first.log", config, ports, data)) {
            Path passwordFile = data.resolve("console-tls.pass");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
            generated = keyStoreCertificate(data.resolve("console-tls.p12"), Files.readString(passwordFile));
            assertEquals("CN=c-https", generated.getSubjectX500Principal().getName());
            gateway.await("SHA-256 fingerprint " + fingerprint(generated), Duration.ofSeconds(5));

            HttpResponse<String> snapshot = new PinnedTlsClient(generated).get(ports.https("/api/v1/snapshot"));
            assertEquals(generated, PinnedTlsClient.served(snapshot));
            assertEquals("max-age=31536000", snapshot.headers().firstValue("Strict-Transport-Security").orElse(null));
            for (String version : List.of("TLSv1.2", "TLSv1.3")) {
                HttpResponse<String> r = new PinnedTlsClient(generated, version).get(ports.https("/api/v1/devices"));
                assertEquals(version, r.sslSession().orElseThrow().getProtocol());
            }
            for (String oldVersion : List.of("-tls1", "-tls1_1")) {
                String handshake = openSslHandshake(ports.secure(), oldVersion);
                assertTrue(handshake.contains("alert protocol version"), "the server refuses " + oldVersion + ": " + handshake);
            }

            for (String path : List.of("/api/v1/snapshot?device=meter&x=%20", "/console/login.html", "/nothing-here")) {
                HttpResponse<String> plain = plainGet(ports.http(path));
                assertEquals(301, plain.statusCode(), path + ": " + plain.body());
                assertEquals(ports.https(path), plain.headers().firstValue("Location").orElse(null));
            }
        }
        try (ChildProcess restarted = start("second.log", config, ports, data)) {
            restarted.await("SHA-256 fingerprint " + fingerprint(generated), Duration.ofSeconds(5));
            HttpResponse<String> again = new PinnedTlsClient(generated).get(ports.https("/api/v1/snapshot"));
            assertEquals(generated, PinnedTlsClient.served(again), "the certificate a technician accepted stays");
        }
    }

    @Test
    void anOperatorsKeyStoreIsServedInsteadAndTheGeneratedCertificateIsNotTrustedForIt() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Path keyStore = etc.resolve("console.jks");
        keytool("-genkeypair", "-keystore", keyStore.toString(), "-storetype", "JKS", "-storepass", "op-secret",
                "-keypass", "op-secret", "-alias", "gw", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=operator-issued", "-ext", "SAN=ip:127.0.0.1");
        Path passwordFile = Files.writeString(etc.resolve("console.pass"), "op-secret\n");
        Ports ports = Ports.free();
        Path config = site(ports, ", keyStore: '" + keyStore + "', keyStorePasswordFile: '" + passwordFile + "'");
        Path data = work.resolve("data");
        X509Certificate operators = keyStoreCertificate(keyStore, "op-secret");
        try (ChildProcess gateway = start("operator.log", config, ports, data)) {
            gateway.await("SHA-256 fingerprint " + fingerprint(operators), Duration.ofSeconds(5));
            HttpResponse<String> snapshot = new PinnedTlsClient(operators).get(ports.https("/api/v1/snapshot"));
            assertEquals(operators, PinnedTlsClient.served(snapshot));
            assertFalse(Files.exists(data.resolve("console-tls.p12")), "no certificate generated");

            X509Certificate stranger = keyStoreCertificate(strangerKeyStore(etc), "other-secret");
            assertThrows(SSLHandshakeException.class,
                    () -> new PinnedTlsClient(stranger).get(ports.https("/api/v1/snapshot")),
                    "pinning means something: a client trusting another certificate refuses the server");
        }
    }

    /** The gateway's plain and HTTPS ports, both free loopback ports. */
    private record Ports(int plain, int secure) {
        static Ports free() throws IOException {
            return new Ports(RunningContainer.freePort(), RunningContainer.freePort());
        }

        String http(String path) {
            return "http://127.0.0.1:" + plain + path;
        }

        String https(String path) {
            return "https://127.0.0.1:" + secure + path;
        }
    }

    /**
     * A site with one meter on a connection nobody answers (this test needs no device), and TLS on
     * loopback; {@code apiExtra} adds to the {@code api} section.
     */
    private Path site(Ports ports, String apiExtra) throws IOException {
        Path config = Files.createDirectories(work.resolve("config"));
        Files.writeString(config.resolve("site.yaml"), """
                site: https-test
                container: c-https
                connections:
                  - {id: gw, transport: tcp, host: 127.0.0.1, port: %d}
                devices:
                  - {id: meter, role: meter, profile: power-meter-float32, connection: gw, unitId: 1}
                limits:
                  coolantSupplyWarningC: 40
                  coolantSupplyTripC: 45
                  coolantSupplyLowC: 20
                  transformerRatingKva: 2500
                api: {bind: 127.0.0.1, port: %d, tls: on, httpsPort: %d%s}
                """.formatted(RunningContainer.freePort(), ports.plain(), ports.secure(), apiExtra));
        return config;
    }

    private ChildProcess start(String log, Path config, Ports ports, Path data) throws Exception {
        ChildProcess gateway = ChildProcess.start(work.resolve(log), LauncherTest.gateway("--config", config.toString(),
                "--api-port", String.valueOf(ports.plain()), "--data", data.toString()));
        try {
            gateway.await("Started Jetty", Duration.ofSeconds(60));
            return gateway;
        } catch (RuntimeException | IOException | InterruptedException e) {
            gateway.close();
            throw e;
        }
    }

    private static HttpResponse<String> plainGet(String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static X509Certificate keyStoreCertificate(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(file.toFile(), password.toCharArray());
        return (X509Certificate) store.getCertificate(store.aliases().nextElement());
    }

    /** As browsers show it; computed here, not taken from the gateway. */
    private static String fingerprint(X509Certificate certificate) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    /**
     * An independent TLS client offering one old protocol version; its lowest security level lets it
     * offer TLS 1.0/1.1 at all, so a refusal is the server's ({@code alert protocol version}).
     */
    private static String openSslHandshake(int port, String version) throws Exception {
        Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, version,
                "-cipher", "DEFAULT@SECLEVEL=0").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), out);
        return out;
    }

    private static Path strangerKeyStore(Path dir) throws Exception {
        Path store = dir.resolve("stranger.p12");
        keytool("-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "other-secret",
                "-alias", "other", "-keyalg", "EC", "-dname", "CN=someone-else", "-ext", "SAN=ip:127.0.0.1");
        return store;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-noprompt"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }
}
