package io.containeredge.gateway.webserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.WebServerSettings;
import io.containeredge.site.api.WebServerSettings.TlsMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebServerConfigurationTest {

    @TempDir
    Path data;
    @TempDir
    Path etc;

    private final WebServerConfiguration configuration = new WebServerConfiguration(Keytool.ofThisJava(), Clock.systemUTC());

    @Test
    void loopbackWithAutomaticTlsServesPlainHttpOnly() {
        Dictionary<String, Object> props = configuration.properties(settings("127.0.0.1", TlsMode.AUTO), 18080, data, "c-01");
        assertEquals("127.0.0.1", props.get("org.apache.felix.http.host"));
        assertEquals(18080, props.get("org.osgi.service.http.port"));
        assertEquals(true, props.get("org.apache.felix.http.enable"));
        assertEquals(false, props.get("org.apache.felix.https.enable"));
        assertEquals(null, props.get("org.apache.felix.https.keystore"));
        assertFalse(Files.exists(data.resolve("console-tls.p12")), "no certificate where none is needed");
    }

    @Test
    void tlsServesHttpsFromTheGeneratedStoreTls12AndUpOnly() throws Exception {
        Dictionary<String, Object> props = configuration.properties(settings("0.0.0.0", TlsMode.AUTO), 8080, data, "c-01");
        assertEquals("0.0.0.0", props.get("org.apache.felix.http.host"));
        assertEquals(8080, props.get("org.osgi.service.http.port"));
        assertEquals(true, props.get("org.apache.felix.http.enable"), "plain HTTP stays open for the redirect");
        assertEquals(true, props.get("org.apache.felix.https.enable"));
        assertEquals(8443, props.get("org.osgi.service.http.port.secure"));
        assertEquals(data.resolve("console-tls.p12").toString(), props.get("org.apache.felix.https.keystore"));
        String password = Files.readString(data.resolve("console-tls.pass"));
        assertEquals(password, props.get("org.apache.felix.https.keystore.password"));
        assertEquals(password, props.get("org.apache.felix.https.keystore.key.password"));
        assertEquals("TLSv1.3,TLSv1.2", props.get("org.apache.felix.https.jetty.protocols.included"));

        assertEquals(props, configuration.properties(settings("0.0.0.0", TlsMode.AUTO), 8080, data, "c-01"),
                "the same configuration on the next start, so ConfigAdmin does not restart Jetty");
    }

    @Test
    void theOperatorsKeyStoreIsUsedAsItIsWhateverItNames() throws Exception {
        Path jks = etc.resolve("console.jks");
        keytool("-genkeypair", "-keystore", jks.toString(), "-storetype", "JKS", "-storepass", "op-secret",
                "-keypass", "op-secret", "-alias", "gw", "-keyalg", "EC", "-dname", "CN=operator",
                "-ext", "SAN=dns:operator-name");
        Path passwordFile = Files.writeString(etc.resolve("console.pass"), "op-secret\n");
        byte[] stored = Files.readAllBytes(jks);
        FileTime modified = Files.getLastModifiedTime(jks);

        for (String bind : List.of("127.0.0.1", "127.0.0.2")) {
            Dictionary<String, Object> props = configuration.properties(new WebServerSettings(bind, 8080, TlsMode.ON,
                    8443, Optional.of(jks), Optional.of(passwordFile)), 8080, data, "c-01");
            assertEquals(true, props.get("org.apache.felix.https.enable"), bind);
            assertEquals(jks.toString(), props.get("org.apache.felix.https.keystore"), bind);
            assertEquals("op-secret", props.get("org.apache.felix.https.keystore.password"), "the file's first line");
        }

        assertArrayEquals(stored, Files.readAllBytes(jks), "not regenerated although it names neither bind address");
        assertEquals(modified, Files.getLastModifiedTime(jks));
        assertFalse(Files.exists(data.resolve("console-tls.p12")));
    }

    @Test
    void aNewBindAddressServesANewSelfSignedCertificateNamingIt() throws Exception {
        Dictionary<String, Object> before = configuration.properties(settings("127.0.0.1", TlsMode.ON), 8080, data,
                "c-01");
        KeyStoreFile first = new KeyStoreFile(data.resolve("console-tls.p12"),
                (String) before.get("org.apache.felix.https.keystore.password"));
        String firstFingerprint = KeyStoreFile.fingerprint(first.certificate());

        Dictionary<String, Object> after = configuration.properties(settings("127.0.0.2", TlsMode.ON), 8080, data,
                "c-01");

        assertEquals("127.0.0.2", after.get("org.apache.felix.http.host"));
        assertEquals(true, after.get("org.apache.felix.https.enable"));
        assertNotEquals(before.get("org.apache.felix.https.keystore.password"),
                after.get("org.apache.felix.https.keystore.password"),
                "a changed configuration, so Jetty loads the new store");
        KeyStoreFile renewed = new KeyStoreFile(data.resolve("console-tls.p12"),
                (String) after.get("org.apache.felix.https.keystore.password"));
        assertNotEquals(firstFingerprint, KeyStoreFile.fingerprint(renewed.certificate()));
        assertTrue(renewed.certificate().getSubjectAlternativeNames().contains(List.of(7, "127.0.0.2")));
    }

    @Test
    void withoutAUsableCertificateNothingIsServedRatherThanPlainHttp() {
        WebServerSettings missingStore = new WebServerSettings("0.0.0.0", 8080, TlsMode.AUTO, 8443,
                Optional.of(etc.resolve("missing.p12")), Optional.of(etc.resolve("missing.pass")));
        for (Dictionary<String, Object> props : List.of(configuration.properties(missingStore, 8080, data, "c-01"),
                new WebServerConfiguration(new Keytool(etc.resolve("no-keytool")), Clock.systemUTC())
                        .properties(settings("0.0.0.0", TlsMode.ON), 8080, data, "c-01"))) {
            assertEquals(false, props.get("org.apache.felix.http.enable"));
            assertEquals(false, props.get("org.apache.felix.https.enable"));
        }
    }

    private static WebServerSettings settings(String bind, TlsMode tls) {
        return new WebServerSettings(bind, 8080, tls, 8443, Optional.empty(), Optional.empty());
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-noprompt"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }
}
