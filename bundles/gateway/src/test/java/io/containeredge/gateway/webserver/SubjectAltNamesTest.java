package io.containeredge.gateway.webserver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectAltNamesTest {

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
}
