package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code grid.openAdr}: read with its defaults; https required except on loopback; the credentials only as a file
 * name; every refusal names its path and loads nothing.
 */
class OpenAdrSectionTest {

    @TempDir
    Path dir;

    private static String section(String body) {
        return "grid:\n  openAdr:\n" + body.indent(4);
    }

    private SiteConfig load(String text) throws IOException, ConfigException {
        Files.writeString(dir.resolve("site.yaml"), SiteDocumentsTest.minimalSite("power-meter-float32", 40, 45)
                + text);
        return SiteDocuments.load(dir).config();
    }

    private void assertRefused(String text, String path, String part) throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SiteDocumentsTest.minimalSite("power-meter-float32", 40, 45)
                + text);
        assertThrows(ConfigException.class, () -> SiteDocuments.load(dir));
        SiteCheck check = SiteDocuments.check(dir);
        assertEquals(Optional.empty(), check.site());
        List<ConfigError> errors = check.errors();
        assertTrue(errors.stream().anyMatch(e -> e.path().startsWith(path) && e.reason().contains(part)),
                () -> "expected '" + part + "' at " + path + " in " + errors);
    }

    @Test
    void aSiteWithoutTheKeyHasNoVen() throws Exception {
        assertEquals(Optional.empty(), load("").grid().openAdr());
    }

    @Test
    void theDefaultsFillWhatIsNotWritten() throws Exception {
        OpenAdrSettings s = load(section("""
                vtnUrl: https://vtn.example/openadr3/3.0.1/
                venName: c-01
                credentialsFile: openadr-credentials.txt
                """)).grid().openAdr().orElseThrow();
        assertEquals(new OpenAdrSettings(URI.create("https://vtn.example/openadr3/3.0.1"),
                URI.create("https://vtn.example/openadr3/3.0.1/auth/token"), "c-01", "openadr-credentials.txt",
                List.of(), Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(1), ""), s);
    }

    @Test
    void everyKeyIsRead() throws Exception {
        OpenAdrSettings s = load(section("""
                vtnUrl: http://127.0.0.1:18081/openadr3/3.0.1
                tokenUrl: http://localhost:18082/oauth/token
                venName: demo-container
                credentialsFile: /etc/containeredge/openadr.txt
                programs: [ercot-ers, cp-alerts]
                poll: 2s
                maxBackoff: 1m
                reportInterval: 15s
                caFile: vtn-ca.pem
                """)).grid().openAdr().orElseThrow();
        assertEquals(new OpenAdrSettings(URI.create("http://127.0.0.1:18081/openadr3/3.0.1"),
                URI.create("http://localhost:18082/oauth/token"), "demo-container", "/etc/containeredge/openadr.txt",
                List.of("ercot-ers", "cp-alerts"), Duration.ofSeconds(2), Duration.ofMinutes(1),
                Duration.ofSeconds(15), "vtn-ca.pem"), s);
    }

    @Test
    void ipv6LoopbackMayBePlainHttp() throws Exception {
        OpenAdrSettings s = load(section("""
                vtnUrl: "http://[::1]:18081/openadr3"
                venName: c-01
                credentialsFile: c.txt
                """)).grid().openAdr().orElseThrow();
        assertEquals(URI.create("http://[::1]:18081/openadr3/auth/token"), s.tokenUrl());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vtnUrl: http://10.0.0.5/openadr3|$.grid.openAdr.vtnUrl|is plain http",
        "vtnUrl: http://vtn.example/openadr3|$.grid.openAdr.vtnUrl|127.0.0.1, ::1, localhost",
        "vtnUrl: ftp://vtn.example/x|$.grid.openAdr.vtnUrl|not an https address",
        "vtnUrl: 'https://ven:secret@vtn.example/x'|$.grid.openAdr.vtnUrl|credentialsFile",
        "vtnUrl: 'https://vtn.example/x?a=b'|$.grid.openAdr.vtnUrl|query",
        "vtnUrl: 'not a url'|$.grid.openAdr.vtnUrl|not an address",
    })
    void anAddressThatWouldLeakOrMeansNothingIsRefused(String vtn, String path, String part) throws Exception {
        assertRefused(section(vtn + "\nvenName: c-01\ncredentialsFile: c.txt\n"), path, part);
    }

    @Test
    void aPlainHttpTokenEndpointOffLoopbackIsRefused() throws Exception {
        assertRefused(section("""
                vtnUrl: https://vtn.example/openadr3
                tokenUrl: http://auth.example/token
                venName: c-01
                credentialsFile: c.txt
                """), "$.grid.openAdr.tokenUrl", "is plain http");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "poll: 500ms|$.grid.openAdr.poll|outside 1s .. 5m",
        "poll: 10m|$.grid.openAdr.poll|outside 1s .. 5m",
        "maxBackoff: 5s|$.grid.openAdr.maxBackoff|outside 10s .. 60m",
        "maxBackoff: 2h|$.grid.openAdr.maxBackoff|outside 10s .. 60m",
        "reportInterval: 2h|$.grid.openAdr.reportInterval|outside 1s .. 60m",
    })
    void pollsAndBackOffOutsideTheirRangesAreRefused(String line, String path, String part) throws Exception {
        assertRefused(section("vtnUrl: https://vtn.example/openadr3\nvenName: c-01\ncredentialsFile: c.txt\n" + line
                + "\n"), path, part);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "clientSecret: s3cret",
        "password: s3cret",
    })
    void aSecretInTheSiteFileIsRefused(String line) throws Exception {
        assertRefused(section("vtnUrl: https://vtn.example/openadr3\nvenName: c-01\ncredentialsFile: c.txt\n" + line
                + "\n"), "$.grid.openAdr", "");
    }

    @Test
    void theCredentialsFileAndTheVenNameAreRequired() throws Exception {
        assertRefused(section("vtnUrl: https://vtn.example/openadr3\nvenName: c-01\n"), "$.grid.openAdr", "");
        assertRefused(section("vtnUrl: https://vtn.example/openadr3\ncredentialsFile: c.txt\n"), "$.grid.openAdr", "");
    }
}
