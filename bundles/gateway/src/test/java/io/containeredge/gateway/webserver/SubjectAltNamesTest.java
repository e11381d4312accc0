package io.containeredge.gateway.webserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectAltNamesTest {

    @TempDir
    Path dir;

    @Test
    void aSpecificBindAddressIsNamedWithLoopbackForTunnels() {
        List<String> names = SubjectAltNames.forBind("10.20.30.40");
        assertTrue(names.containsAll(List.of("ip:10.20.30.40", "dns:localhost", "ip:127.0.0.1", "ip:0:0:0:0:0:0:0:1")),
                names::toString);
    }

    @Test
    void bindingToEveryInterfaceNamesEveryInterfaceAddressWithoutZonesInKeytoolSyntax() {
        List<String> names = SubjectAltNames.forBind("0.0.0.0");
        assertTrue(names.contains("ip:127.0.0.1"), names::toString);
        assertTrue(names.stream().noneMatch(n -> n.contains("%") || n.equals("ip:0.0.0.0")), names::toString);
        assertTrue(names.stream().allMatch(n -> n.matches("(dns|ip):[^,]+")), "keytool separates names with commas");
    }

    @Test
    void aCertificatesNamesReadBackInKeytoolSyntaxAndCompareAsBrowsersMatchThem() throws Exception {
        List<String> made = List.of("dns:GW-C-01", "dns:localhost", "ip:127.0.0.1", "ip:0:0:0:0:0:0:0:1");
        Path store = dir.resolve("made.p12");
        Keytool.ofThisJava().generateSelfSigned(store, "secret", "c-01", made, 1);
        X509Certificate certificate = new KeyStoreFile(store, "secret").certificate();

        assertEquals(made, SubjectAltNames.inCertificate(certificate));
        assertEquals(List.of(), SubjectAltNames.missingFrom(certificate,
                List.of("dns:gw-c-01", "ip:127.0.0.1", "ip:0:0:0:0:0:0:0:1")), "DNS names match without case");
        assertEquals(List.of("ip:127.0.0.2", "dns:gw-c-02"), SubjectAltNames.missingFrom(certificate,
                List.of("dns:localhost", "ip:127.0.0.2", "dns:gw-c-02")));
    }
}
