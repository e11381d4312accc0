package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway jar on an RS485-style RTU link: a socat pseudo-terminal pair stands in for the cable,
 * the simulator serves RTU on one end, the gateway opens the other through jSerialComm inside OSGi.
 */
class SerialRtuGatewayTest {

    @TempDir
    Path work;

    @Test
    void gatewayPollsTwoUnitsOverSerialRtu() throws Exception {
        Path gwEnd = work.resolve("ttyGW");
        Path simEnd = work.resolve("ttySIM");
        Path config = Files.createDirectories(work.resolve("config"));
        Files.writeString(config.resolve("site.yaml"), """
                site: rtu-site
                container: c-rtu
                connections:
                  - {id: rs485, transport: rtu, serialPort: %s, baudRate: 19200, parity: none, timeout: 300ms, minDelay: 5ms}
                devices:
                  - {id: cdu, role: cdu, profile: immersion-cdu, connection: rs485, unitId: 1}
                  - {id: transformer, role: transformer, profile: transformer-monitor, connection: rs485, unitId: 2}
                limits: {coolantSupplyWarningC: 40, coolantSupplyTripC: 45, coolantSupplyLowC: 20, minFlowM3h: 60,
                  transformerRatingKva: 2500}
                """.formatted(gwEnd));
        int apiPort = RunningContainer.freePort();
        try (ChildProcess socat = ChildProcess.start(work.resolve("socat.log"), List.of("socat",
                "pty,raw,echo=0,link=" + gwEnd, "pty,raw,echo=0,link=" + simEnd))) {
            Eventually.within(Duration.ofSeconds(10), () -> assertTrue(Files.exists(gwEnd) && Files.exists(simEnd)));
            try (ChildProcess sim = ChildProcess.start(work.resolve("sim.log"), List.of(ChildProcess.java(), "-jar",
                    ChildProcess.root().resolve("deploy/target/containeredge-sim.jar").toString(),
                    "--site", config.resolve("site.yaml").toString(), "--serial", "rs485=" + simEnd, "--duration", "120"));
                    ChildProcess gateway = ChildProcess.start(work.resolve("gateway.log"), LauncherTest.gateway(
                            "--config", config.toString(), "--api-port", String.valueOf(apiPort)))) {
                sim.await("modbus rs485 on .* \\(rtu\\)", Duration.ofSeconds(30));
                gateway.await("Started Jetty", Duration.ofSeconds(60));
                GatewayApi api = new GatewayApi(apiPort);
                Eventually.within(Duration.ofSeconds(30), () -> {
                    assertEquals("good", api.point("cdu", "supply_temp").get("quality").asText());
                    assertEquals("good", api.point("transformer", "top_oil_temp").get("quality").asText());
                    assertTrue(api.device("cdu").get("online").asBoolean());
                });
                double celsius = api.point("cdu", "supply_temp").get("value").asDouble();
                assertTrue(celsius > 0 && celsius < 60, "plausible coolant temperature over RTU: " + celsius);
            }
        }
    }
}
