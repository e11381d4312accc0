package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.WebServerSettings.TlsMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site's {@code api} section: HTTPS by default off loopback, plain HTTP never beyond it. */
class WebServerSettingsTest {

    @TempDir
    Path dir;

    @Test
    void demoSiteServesPlainHttpOnLoopback() throws ConfigException {
        WebServerSettings api = SiteDocuments.loadBuiltIn("demo-container").config().api();
        assertEquals("127.0.0.1", api.bind());
        assertEquals(TlsMode.AUTO, api.tls());
        assertFalse(api.httpsEnabled());
    }

    @Test
    void automaticTlsServesHttpsWhenTheServerIsReachableFromTheNetwork() throws Exception {
        WebServerSettings api = load("api: {bind: 0.0.0.0, port: 80}");
        assertEquals(TlsMode.AUTO, api.tls());
        assertTrue(api.httpsEnabled());
        assertEquals(8443, api.httpsPort(), "default HTTPS port");
        assertEquals(Optional.empty(), api.keyStore(), "no key store: the gateway makes its own certificate");
    }

    @Test
    void onAndOffAreReadWhetherYamlMadeThemBooleansOrTheyWereQuoted() throws Exception {
        assertEquals(TlsMode.ON, load("api: {bind: 127.0.0.1, tls: on, httpsPort: 9443}").tls());
        assertEquals(TlsMode.ON, load("api: {bind: 127.0.0.1, tls: 'on'}").tls());
        assertEquals(TlsMode.OFF, load("api: {bind: 127.0.0.1, tls: off}").tls());
        assertEquals(TlsMode.OFF, load("api: {bind: '::1', tls: 'off'}").tls());
        assertTrue(load("api: {bind: 127.0.0.1, tls: on}").httpsEnabled(), "on means HTTPS on loopback too");
    }

    @Test
    void plainHttpOnAnAddressReachableFromTheNetworkIsRefused() throws IOException {
        for (String bind : List.of("0.0.0.0", "10.1.2.3", "gateway.site.example")) {
            List<ConfigError> errors = errors("api: {bind: " + bind + ", tls: off}");
            assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.api.tls")
                    && e.reason().contains("plain HTTP is allowed on a loopback address only")
                    && e.reason().contains(bind)), errors::toString);
        }
    }

    @Test
    void operatorKeyStoreNeedsAPasswordFileAbsolutePathsAndTls() throws IOException {
        List<ConfigError> missingPassword = errors("api: {bind: 0.0.0.0, keyStore: /etc/ce/console.p12}");
        assertTrue(missingPassword.stream().anyMatch(e -> e.path().equals("$.api")
                && e.reason().contains("keyStorePasswordFile")), missingPassword::toString);

        List<ConfigError> relative = errors("api: {bind: 0.0.0.0, keyStore: console.p12, keyStorePasswordFile: pass}");
        assertTrue(relative.stream().anyMatch(e -> e.path().equals("$.api.keyStore")
                && e.reason().contains("absolute")), relative::toString);
        assertTrue(relative.stream().anyMatch(e -> e.path().equals("$.api.keyStorePasswordFile")
                && e.reason().contains("absolute")), relative::toString);

        List<ConfigError> unused = errors("api: {bind: 127.0.0.1, keyStore: /etc/ce/c.p12, keyStorePasswordFile: /etc/ce/p}");
        assertTrue(unused.stream().anyMatch(e -> e.path().equals("$.api.keyStore")
                && e.reason().contains("set tls to 'on'")), unused::toString);
    }

    @Test
    void operatorKeyStoreIsRead() throws Exception {
        WebServerSettings api = load("api: {bind: 0.0.0.0, keyStore: /etc/ce/c.jks, keyStorePasswordFile: /etc/ce/pass}");
        assertEquals(Optional.of(Path.of("/etc/ce/c.jks")), api.keyStore());
        assertEquals(Optional.of(Path.of("/etc/ce/pass")), api.keyStorePasswordFile());
    }

    @Test
    void httpsNeedsItsOwnPort() throws IOException {
        List<ConfigError> errors = errors("api: {bind: 0.0.0.0, port: 8443}");
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.api.httpsPort")), errors::toString);
    }

    @Test
    void unknownTlsModeIsASchemaError() throws IOException {
        List<ConfigError> errors = errors("api: {bind: 0.0.0.0, tls: maybe}");
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.api.tls")), errors::toString);
    }

    @Test
    void loopbackIsRecognisedWithoutAskingDns() {
        for (String loopback : List.of("127.0.0.1", "127.4.5.6", "::1", "[::1]", "0:0:0:0:0:0:0:1", "localhost")) {
            assertTrue(LoopbackAddress.is(loopback), loopback);
        }
        for (String network : List.of("0.0.0.0", "::", "192.168.1.10", "127.0.0.256", "1270.0.0.1", "127.0.0",
                "gateway.local", "127.0.0.1.example.com", "fe80::1")) {
            assertFalse(LoopbackAddress.is(network), network);
        }
    }

    private WebServerSettings load(String apiLine) throws IOException, ConfigException {
        Files.writeString(dir.resolve("site.yaml"), site(apiLine));
        return SiteDocuments.load(dir).config().api();
    }

    private List<ConfigError> errors(String apiLine) throws IOException {
        Files.writeString(dir.resolve("site.yaml"), site(apiLine));
        return assertThrows(ConfigException.class, () -> SiteDocuments.load(dir)).errors();
    }

    private static String site(String apiLine) {
        return SiteDocumentsTest.minimalSite("transformer-monitor", 40, 45) + apiLine + "\n";
    }
}
