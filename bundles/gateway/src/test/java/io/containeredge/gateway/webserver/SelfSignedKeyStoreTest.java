package io.containeredge.gateway.webserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedKeyStoreTest {

    private static final List<String> NAMES = List.of("dns:gw-c-01", "dns:localhost", "ip:10.20.30.40", "ip:127.0.0.1");

    @TempDir
    Path data;

    @Test
    void firstStartMakesAnOwnerOnlyPkcs12WithTheContainerAsSubjectAndTheNamesAsSans() throws Exception {
        KeyStoreFile store = keyStores(Clock.systemUTC()).obtain("c-01", NAMES);

        assertEquals(data.resolve("console-tls.p12"), store.path());
        assertEquals(store.password(), Files.readString(data.resolve("console-tls.pass")));
        for (String file : List.of("console-tls.p12", "console-tls.pass")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))), file);
        }
        assertEquals(List.of("console-tls.p12", "console-tls.pass"), files(), "nothing left of the work directory");

        X509Certificate certificate = store.certificate();
        assertEquals("CN=c-01", certificate.getSubjectX500Principal().getName());
        assertEquals("EC", certificate.getPublicKey().getAlgorithm());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage(), "serverAuth");
        assertEquals(List.of(List.of(2, "gw-c-01"), List.of(2, "localhost"), List.of(7, "10.20.30.40"),
                List.of(7, "127.0.0.1")), List.copyOf(certificate.getSubjectAlternativeNames()));
        Duration validity = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        assertEquals(SelfSignedKeyStore.VALIDITY_DAYS, validity.toDays());
        assertEquals(keytoolFingerprint(store), KeyStoreFile.fingerprint(certificate),
                "the logged fingerprint is the one keytool (and a browser) shows");
    }

    @Test
    void aStartWithTheSameAddressesKeepsTheCertificate() throws Exception {
        KeyStoreFile first = keyStores(Clock.systemUTC()).obtain("c-01", SubjectAltNames.forBind("127.0.0.1"));
        byte[] stored = Files.readAllBytes(first.path());

        KeyStoreFile second = keyStores(Clock.systemUTC()).obtain("c-01", SubjectAltNames.forBind("127.0.0.1"));

        assertEquals(first, second);
        assertArrayEquals(stored, Files.readAllBytes(second.path()));
        assertEquals(KeyStoreFile.fingerprint(first.certificate()), KeyStoreFile.fingerprint(second.certificate()));
    }

    @Test
    void aNewBindAddressGetsACertificateNamingIt() throws Exception {
        KeyStoreFile first = keyStores(Clock.systemUTC()).obtain("c-01", SubjectAltNames.forBind("127.0.0.1"));
        String firstFingerprint = KeyStoreFile.fingerprint(first.certificate());
        assertFalse(first.certificate().getSubjectAlternativeNames().contains(List.of(7, "127.0.0.2")));

        KeyStoreFile moved = keyStores(Clock.systemUTC()).obtain("c-01", SubjectAltNames.forBind("127.0.0.2"));

        assertNotEquals(firstFingerprint, KeyStoreFile.fingerprint(moved.certificate()));
        assertNotEquals(first.password(), moved.password());
        assertEquals(data.resolve("console-tls.p12"), moved.path(), "replaced in place");
        assertEquals(moved.password(), Files.readString(data.resolve("console-tls.pass")));
        assertTrue(moved.certificate().getSubjectAlternativeNames().contains(List.of(7, "127.0.0.2")));
        assertEquals("CN=c-01", moved.certificate().getSubjectX500Principal().getName());
        assertEquals(List.of("console-tls.p12", "console-tls.pass"), files(), "nothing left of the work directory");

        KeyStoreFile next = keyStores(Clock.systemUTC()).obtain("c-01", SubjectAltNames.forBind("127.0.0.2"));
        assertEquals(KeyStoreFile.fingerprint(moved.certificate()), KeyStoreFile.fingerprint(next.certificate()),
                "made anew once, then kept");
    }

    @Test
    void aCertificateNamingMoreThanTheGatewaysAddressesIsKept() throws Exception {
        List<String> superset = new ArrayList<>(SubjectAltNames.forBind("127.0.0.1"));
        superset.addAll(List.of("ip:127.0.0.2", "dns:former-name"));
        KeyStoreFile first = keyStores(Clock.systemUTC()).obtain("c-01", superset);
        byte[] stored = Files.readAllBytes(first.path());

        KeyStoreFile second = keyStores(Clock.systemUTC()).obtain("c-01", SubjectAltNames.forBind("127.0.0.1"));

        assertEquals(first, second);
        assertArrayEquals(stored, Files.readAllBytes(second.path()));
    }

    @Test
    void aCorruptStoreOrALostPasswordIsReplaced() throws Exception {
        String original = KeyStoreFile.fingerprint(keyStores(Clock.systemUTC()).obtain("c-01", NAMES).certificate());

        Files.write(data.resolve("console-tls.p12"), new byte[] {1, 2, 3});
        KeyStoreFile replaced = keyStores(Clock.systemUTC()).obtain("c-01", NAMES);
        String second = KeyStoreFile.fingerprint(replaced.certificate());
        assertNotEquals(original, second);

        Files.delete(data.resolve("console-tls.pass"));
        KeyStoreFile again = keyStores(Clock.systemUTC()).obtain("c-01", NAMES);
        assertNotEquals(second, KeyStoreFile.fingerprint(again.certificate()));
    }

    @Test
    void aCertificateAboutToExpireIsRenewed() throws Exception {
        KeyStoreFile first = keyStores(Clock.systemUTC()).obtain("c-01", NAMES);
        Instant expiry = first.certificate().getNotAfter().toInstant();
        String firstFingerprint = KeyStoreFile.fingerprint(first.certificate());

        KeyStoreFile sameAMonthAndADayBefore = keyStores(at(expiry.minus(Duration.ofDays(31)))).obtain("c-01", NAMES);
        assertEquals(first, sameAMonthAndADayBefore);

        KeyStoreFile renewed = keyStores(at(expiry.minus(Duration.ofDays(29)))).obtain("c-01", NAMES);
        assertNotEquals(first.password(), renewed.password());
        // keytool dates the new certificate from the real clock: it is new, not necessarily later by a second
        assertNotEquals(firstFingerprint, KeyStoreFile.fingerprint(renewed.certificate()));
        assertTrue(!renewed.certificate().getNotAfter().toInstant().isBefore(expiry));
    }

    @Test
    void withoutKeytoolItFailsNamingTheWayOut() {
        SelfSignedKeyStore noKeytool = new SelfSignedKeyStore(data, new Keytool(data.resolve("no-keytool")),
                Clock.systemUTC());
        IOException e = assertThrows(IOException.class, () -> noKeytool.obtain("c-01", NAMES));
        assertTrue(e.getMessage().contains("configure api.keyStore"), e.getMessage());
    }

    private SelfSignedKeyStore keyStores(Clock clock) {
        return new SelfSignedKeyStore(data, Keytool.ofThisJava(), clock);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private List<String> files() throws IOException {
        try (var listing = Files.list(data)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** What {@code keytool -list} prints as the entry's fingerprint: an independent computation. */
    private static String keytoolFingerprint(KeyStoreFile store) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-list",
                "-keystore", store.path().toString(), "-storepass", store.password()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        var m = java.util.regex.Pattern.compile("\\(SHA-256\\): ([0-9A-F:]+)").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }
}
