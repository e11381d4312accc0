package io.containeredge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.SiteDocuments;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void refusesNonLoopbackBind() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulatorMain.run(new String[] {"--site", "demo", "--bind", "0.0.0.0:15020", "--duration", "0"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("only binds loopback"), err.toString());
        assertThrows(IllegalArgumentException.class, () -> Simulator.start(SiteDocuments.loadBuiltIn("demo-container"),
                SimulatorOptions.forTests().withBindAddress(InetAddress.getByName("0.0.0.0"))));
    }

    @Test
    void runsTheDemoSiteAndPrintsItsPorts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SimulatorMain.run(new String[] {"--site", "demo", "--bind", "127.0.0.1:0", "--miners-base", "0",
            "--duration", "0.3", "--seed", "7"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("modbus container-gw on 127.0.0.1:"), text);
        assertTrue(text.contains("modbus bess on 127.0.0.1:"), text);
        // the demo's miners 40-47 run the Braiins OS-style firmware, the others the CGMiner-style API
        assertTrue(text.contains("miners 232 on 127.0.0.1:") && text.contains("(CGMiner JSON API)"), text);
        assertTrue(text.contains("miners 8 on 127.0.0.1:") && text.contains("(Braiins OS-style REST API)"), text);
    }

    @Test
    void configDirectoryIsTheParentOfSites() {
        assertEquals(Path.of("/x/firmware-config"), SimulatorMain.configDir(Path.of("/x/firmware-config/sites/a.yaml")));
        assertEquals(Path.of("/y"), SimulatorMain.configDir(Path.of("/y/site.yaml")));
    }
}
