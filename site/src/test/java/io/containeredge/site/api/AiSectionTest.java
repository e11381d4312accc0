package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.AiSettings.Auth;
import io.containeredge.site.api.AiSettings.Contract;
import io.containeredge.site.api.AiSettings.GpuServer;
import io.containeredge.site.api.AiSettings.Tenant;
import io.containeredge.site.api.AiSettings.Trust;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The optional {@code ai} section: absent there is none; present it is read with its defaults, a group entry expanded
 * into its servers; every refusal names its path, says why and loads nothing.
 */
class AiSectionTest {

    /** A BMC certificate's SHA-256 as a browser shows it: upper case, colons between the bytes. */
    private static final String PIN = String.join(":", Collections.nCopies(16, "AB:12"));
    private static final String TENANT = """
                - name: aurora-ai
                  contract: {floorKw: 100, flexKw: 100, flexUsdPerMwh: 140, maxCappedHoursPerMonth: 40, rampNotice: 5m}
                  servers:
                    - {id: gpu-a, address: "https://10.0.4.21", chassis: "1", ratedW: 10200, auth: session,
                       credentialsFile: bmc-gpu-a.txt, trust: {pinSha256: "%s"}}
                    - {idPrefix: gpu, count: 20, host: 127.0.0.1, basePort: 15443, chassis: "1", ratedW: 10200,
                       credentialsFile: bmc-credentials.txt, trust: {caFile: bmc-ca.pem}}
            """.formatted(PIN);
    private static final String AI = "ai:\n  tenants:\n" + TENANT;

    @TempDir
    Path dir;

    /** The loader tests' minimal site with this text appended, as the directory's site document. */
    private Path site(String text) throws IOException {
        return Files.writeString(dir.resolve("site.yaml"), SiteDocumentsTest.minimalSite("power-meter-float32", 40, 45)
                + text);
    }

    private SiteConfig load(String text) throws IOException, ConfigException {
        site(text);
        return SiteDocuments.load(dir).config();
    }

    /** Every error of a site with this text appended, after checking that neither the loader nor the check loads it. */
    private List<ConfigError> refused(String text) throws IOException {
        site(text);
        assertThrows(ConfigException.class, () -> SiteDocuments.load(dir));
        SiteCheck check = SiteDocuments.check(dir);
        assertEquals(Optional.empty(), check.site());
        return check.errors();
    }

    /** The one error of a refused site: at {@code path}, its reason containing {@code part}. */
    private void assertRefused(String text, String path, String part) throws IOException {
        List<ConfigError> errors = refused(text);
        assertEquals(List.of(path), errors.stream().map(ConfigError::path).distinct().toList(), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.reason().contains(part)),
                () -> "expected '" + part + "' in " + errors);
    }

    @Test
    void aSiteWithoutTheSectionHasNoAi() throws Exception {
        assertEquals(Optional.empty(), load("").ai());
    }

    @Test
    void aServerAndAGroupAreReadWithTheSectionsDefaults() throws Exception {
        AiSettings ai = load(AI).ai().orElseThrow();
        assertEquals(AiSettings.DEFAULT_POLL, ai.poll());
        assertEquals(AiSettings.DEFAULT_REQUEST_TIMEOUT, ai.requestTimeout());
        assertEquals(AiSettings.DEFAULT_CAP_SETTLE, ai.capSettle());
        Tenant tenant = ai.tenants().get(0);
        assertEquals("aurora-ai", tenant.name());
        assertEquals(new Contract(100, 100, 140, 40, Duration.ofMinutes(5)), tenant.contract());
        assertEquals(21, tenant.servers().size());
        assertEquals(214.2, tenant.ratedKw(), 1e-9);
        assertEquals(new GpuServer("gpu-a", URI.create("https://10.0.4.21"), "1", 10200, Auth.SESSION,
                "bmc-gpu-a.txt", new Trust(Optional.of("ab12".repeat(16)), Optional.empty())), tenant.servers().get(0));
        Trust ca = new Trust(Optional.empty(), Optional.of("bmc-ca.pem"));
        assertEquals(new GpuServer("gpu-01", URI.create("https://127.0.0.1:15443"), "1", 10200, Auth.SESSION,
                "bmc-credentials.txt", ca), tenant.servers().get(1));
        assertEquals(new GpuServer("gpu-20", URI.create("https://127.0.0.1:15462"), "1", 10200, Auth.SESSION,
                "bmc-credentials.txt", ca), tenant.servers().get(20));
        assertEquals(tenant.servers(), ai.servers());
    }

    @Test
    void everySettingIsRead() throws Exception {
        AiSettings ai = load("""
                ai:
                  poll: 500ms
                  requestTimeout: 300ms
                  capSettle: 30s
                  tenants:
                    - name: lab
                      contract: {floorKw: 0, flexKw: 5.5, flexUsdPerMwh: 0, maxCappedHoursPerMonth: 744,
                                 rampNotice: 24h}
                      servers:
                        - {id: rack-7, address: "HTTPS://bmc-7.lab:8443/", chassis: GPU_Chassis.1, ratedW: 6000,
                           auth: basic, credentialsFile: /etc/containeredge/bmc-7.txt, trust: {caFile: site-ca.pem}}
                """).ai().orElseThrow();
        assertEquals(Duration.ofMillis(500), ai.poll());
        assertEquals(Duration.ofMillis(300), ai.requestTimeout());
        assertEquals(Duration.ofSeconds(30), ai.capSettle());
        assertEquals(new Contract(0, 5.5, 0, 744, Duration.ofHours(24)), ai.tenants().get(0).contract());
        assertEquals(new GpuServer("rack-7", URI.create("https://bmc-7.lab:8443"), "GPU_Chassis.1", 6000, Auth.BASIC,
                "/etc/containeredge/bmc-7.txt", new Trust(Optional.empty(), Optional.of("site-ca.pem"))),
                ai.servers().get(0));
    }

    @Test
    void anUnquotedChassisNumberAndAnIpv6HostAreTakenAsWritten() throws Exception {
        String quoted = "chassis: \"1\", ratedW: 10200,\n";
        assertTrue(AI.contains(quoted), "the group's chassis is quoted in the base section");
        List<GpuServer> servers = load(AI.replace(quoted, "chassis: 1, ratedW: 10200,\n")
                .replace("host: 127.0.0.1", "host: \"::1\"")).ai().orElseThrow().servers();
        assertEquals("1", servers.get(1).chassis());
        assertEquals(URI.create("https://[::1]:15443"), servers.get(1).address());
    }

    @Test
    void aGroupsIdsArePaddedToTheWidthOfItsCount() throws Exception {
        for (int count : List.of(9, 10, 100)) {
            AiSettings ai = load(AI.replace("count: 20", "count: " + count)
                    .replace("floorKw: 100, flexKw: 100", "floorKw: 10, flexKw: 10")).ai().orElseThrow();
            List<String> ids = ai.servers().stream().skip(1).map(GpuServer::id).toList();
            String digits = "%0" + String.valueOf(count).length() + "d";
            assertEquals(IntStream.rangeClosed(1, count).mapToObj(n -> "gpu-" + digits.formatted(n)).toList(), ids);
        }
    }

    @Test
    void theDemoSiteHasOneTenantOfTwentyGpuServers() throws Exception {
        AiSettings ai = SiteDocuments.loadBuiltIn("demo-container").config().ai().orElseThrow();
        Tenant tenant = ai.tenants().get(0);
        assertEquals(1, ai.tenants().size());
        assertEquals(new Contract(100, 100, 140, 40, Duration.ofMinutes(5)), tenant.contract());
        assertEquals(IntStream.rangeClosed(1, 20).mapToObj(n -> "gpu-%02d".formatted(n)).toList(),
                tenant.servers().stream().map(GpuServer::id).toList());
        assertEquals(IntStream.rangeClosed(15443, 15462).mapToObj(p -> URI.create("https://127.0.0.1:" + p)).toList(),
                tenant.servers().stream().map(GpuServer::address).toList());
        Trust ca = new Trust(Optional.empty(), Optional.of("bmc-ca.pem"));
        assertTrue(tenant.servers().stream().allMatch(s -> s.chassis().equals("1") && s.ratedW() == 10200
                && s.credentialsFile().equals("bmc-credentials.txt") && s.trust().equals(ca)
                && s.auth() == Auth.SESSION));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // the address
        "https://10.0.4.21 | http://10.0.4.21 | $.ai.tenants[0].servers[0].address | is plain http",
        "https://10.0.4.21 | 10.0.4.21 | $.ai.tenants[0].servers[0].address | is not an https address",
        "https://10.0.4.21 | https:// | $.ai.tenants[0].servers[0].address | is not an address",
        "https://10.0.4.21 | https://bmc_7 | $.ai.tenants[0].servers[0].address | has no host",
        "https://10.0.4.21 | https://10.0.4.21:0 | $.ai.tenants[0].servers[0].address | port outside 1 to 65535",
        "https://10.0.4.21 | https://root:pw@10.0.4.21 | $.ai.tenants[0].servers[0].address | credentialsFile",
        "https://10.0.4.21 | https://10.0.4.21/redfish/v1 | $.ai.tenants[0].servers[0].address | base address",
        // one server's settings
        "chassis: \"1\", ratedW: 10200, auth | chassis: \"\", ratedW: 10200, auth "
                + "| $.ai.tenants[0].servers[0].chassis | pattern",
        "chassis: \"1\", ratedW: 10200, auth | chassis: \"1/Power\", ratedW: 10200, auth "
                + "| $.ai.tenants[0].servers[0].chassis | pattern",
        "ratedW: 10200, auth | ratedW: 0, auth | $.ai.tenants[0].servers[0].ratedW | exclusive minimum value of 0",
        "ratedW: 10200, auth | ratedW: 50001, auth | $.ai.tenants[0].servers[0].ratedW | 50000",
        "auth: session | auth: digest | $.ai.tenants[0].servers[0].auth | enum",
        "credentialsFile: bmc-gpu-a.txt | credentialsFile: \"\" | $.ai.tenants[0].servers[0].credentialsFile | 1",
        "credentialsFile: bmc-gpu-a.txt | credentialsFile: \"bmc\\0.txt\" "
                + "| $.ai.tenants[0].servers[0].credentialsFile | is not a file path",
        // trust
        "trust: {pinSha256: | trust: {caFile: ca.pem, pinSha256: | $.ai.tenants[0].servers[0].trust | not both",
        "trust: {caFile: bmc-ca.pem} | trust: {} | $.ai.tenants[0].servers[1].trust | not neither",
        "trust: {caFile: bmc-ca.pem} | trust: {caFile: bmc-ca.pem, verify: false} "
                + "| $.ai.tenants[0].servers[1].trust | verify",
        "AB:12\"} | AB:1\"} | $.ai.tenants[0].servers[0].trust.pinSha256 "
                + "| 64 hex digits, colons allowed (63 characters without colons)",
        "AB:12\"} | AB:1G\"} | $.ai.tenants[0].servers[0].trust.pinSha256 | is not a SHA-256 fingerprint",
        // the entry's form
        "{id: gpu-a, | {id: gpu-a, idPrefix: x, count: 1, host: h, basePort: 1, "
                + "| $.ai.tenants[0].servers[0] | not both",
        "{id: gpu-a, address: \"https://10.0.4.21\", | { | $.ai.tenants[0].servers[0] | not neither",
        "{id: gpu-a, | {id: gpu-b, host: h, | $.ai.tenants[0].servers[0] | idPrefix",
        "basePort: 15443, | '' | $.ai.tenants[0].servers[1] | basePort",
        "basePort: 15443 | basePort: 65530 | $.ai.tenants[0].servers[1].count | end at port 65549, beyond 65535",
        "count: 20 | count: 1001 | $.ai.tenants[0].servers[1].count | 1000",
        "host: 127.0.0.1 | host: bad host | $.ai.tenants[0].servers[1].host | is not an address",
        // unique across the section
        "{id: gpu-a | {id: gpu-07 | $.ai.tenants[0].servers[1] | server id 'gpu-07' is already used at "
                + "$.ai.tenants[0].servers[0]",
        "https://10.0.4.21 | https://127.0.0.1:15444 | $.ai.tenants[0].servers[1] | chassis '1' at "
                + "https://127.0.0.1:15444 is already listed at $.ai.tenants[0].servers[0]",
        // the contract
        "floorKw: 100, flexKw: 100 | floorKw: 0, flexKw: 0 | $.ai.tenants[0].contract | the tenant would get no power",
        "floorKw: 100, flexKw: 100 | floorKw: 150, flexKw: 100 | $.ai.tenants[0].contract "
                + "| floorKw 150 + flexKw 100 = 250 kW is above the 214.2 kW its 21 servers are rated for",
        "floorKw: 100 | floorKw: -1 | $.ai.tenants[0].contract.floorKw | minimum",
        "flexKw: 100 | flexKw: -1 | $.ai.tenants[0].contract.flexKw | minimum",
        "flexUsdPerMwh: 140 | flexUsdPerMwh: -5 | $.ai.tenants[0].contract.flexUsdPerMwh | minimum",
        "flexUsdPerMwh: 140 | flexUsdPerMwh: 20001 | $.ai.tenants[0].contract.flexUsdPerMwh | 20000",
        "maxCappedHoursPerMonth: 40 | maxCappedHoursPerMonth: 745 | $.ai.tenants[0].contract.maxCappedHoursPerMonth "
                + "| 744",
        "maxCappedHoursPerMonth: 40 | maxCappedHoursPerMonth: -1 | $.ai.tenants[0].contract.maxCappedHoursPerMonth "
                + "| minimum",
        "rampNotice: 5m | rampNotice: 25h | $.ai.tenants[0].contract.rampNotice | 1500m is outside 0s .. 1440m",
        "rampNotice: 5m | rampNotice: 5 | $.ai.tenants[0].contract.rampNotice | string expected",
        "contract: { | contract: {floorless: true, | $.ai.tenants[0].contract | floorless",
        // the tenant
        "name: aurora-ai | name: Aurora AI | $.ai.tenants[0].name | pattern",
        "servers: | unprotected: true\\n      servers: | $.ai.tenants[0] | unprotected",
        // the section's timing
        "ai:\\n | ai:\\n  poll: 100ms\\n | $.ai.poll | 100ms is outside 200ms .. 1m",
        "ai:\\n | ai:\\n  poll: 2m\\n | $.ai.poll | 2m is outside 200ms .. 1m",
        "ai:\\n | ai:\\n  requestTimeout: 50ms\\n | $.ai.requestTimeout | 50ms is outside 100ms .. 30s",
        "ai:\\n | ai:\\n  requestTimeout: 10s\\n | $.ai.requestTimeout | 10s is not below capSettle 10s",
        "ai:\\n | ai:\\n  capSettle: 500ms\\n  requestTimeout: 200ms\\n | $.ai.capSettle | 500ms is outside 1s .. 10m",
        "ai:\\n | ai:\\n  capSettle: 11m\\n | $.ai.capSettle | 11m is outside 1s .. 10m",
        "ai:\\n | ai:\\n  floorProtection: false\\n | $.ai | floorProtection",
    })
    void aBadSettingIsRefusedWithItsPathAndReason(String from, String to, String path, String reason)
            throws IOException {
        String written = from.replace("\\n", "\n");
        assertEquals(AI.indexOf(written), AI.lastIndexOf(written), "once in the section: " + from);
        assertTrue(AI.contains(written), from);
        assertRefused(AI.replace(written, to.replace("\\n", "\n")), path, reason);
    }

    @Test
    void aSectionNeedsATenantAndATenantAServer() throws IOException {
        assertRefused("ai: {poll: 1s}\n", "$.ai", "tenants");
        assertRefused("ai: {tenants: []}\n", "$.ai.tenants", "1");
        assertRefused(AI.replace(TENANT.substring(TENANT.indexOf("      servers:")), "      servers: []\n"),
                "$.ai.tenants[0].servers", "1");
    }

    @Test
    void tenantNamesAndServerIdsAreUniqueAcrossTenants() throws IOException, ConfigException {
        String second = TENANT.replace("aurora-ai", "borealis").replace("gpu-a", "gpu-b")
                .replace("10.0.4.21", "10.0.4.22").replace("idPrefix: gpu", "idPrefix: gpu2")
                .replace("basePort: 15443", "basePort: 16443");
        load(AI + second);
        assertRefused(AI + second.replace("borealis", "aurora-ai"), "$.ai.tenants[1].name",
                "tenant 'aurora-ai' is already named at $.ai.tenants[0]");
        assertRefused(AI + second.replace("gpu-b", "gpu-a"), "$.ai.tenants[1].servers[0]",
                "server id 'gpu-a' is already used at $.ai.tenants[0].servers[0]");
    }

    @Test
    void theTenantsFloorsMustFitUnderTheImportCap() throws IOException, ConfigException {
        String capped = "  importCapKw: %d\n" + AI + TENANT.replace("aurora-ai", "borealis").replace("gpu-a", "gpu-b")
                .replace("10.0.4.21", "10.0.4.22").replace("idPrefix: gpu", "idPrefix: gpu2")
                .replace("basePort: 15443", "basePort: 16443");
        assertEquals(200, load(capped.formatted(200)).ai().orElseThrow().tenants().stream()
                .mapToDouble(t -> t.contract().floorKw()).sum());
        assertRefused(capped.formatted(199), "$.ai.tenants", "the tenants' firm floors add up to 200 kW, above the"
                + " site's import cap of 199 kW (limits.importCapKw): a floor the site cannot serve");
    }
}
