package io.containeredge.simulator.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.SiteDocuments;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.physics.Cdu;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultScriptTest {

    private final FaultParser parser = new FaultParser(new FaultCatalog(
            Map.of("cdu", Set.of("supply_temp", "flow"), "meter-main", Set.of("active_power")), 240));

    @Test
    void parsesEveryCommand() throws Exception {
        assertEquals(FaultCommand.Kind.PUMP_STOP, parser.parse("pump-stop").kind());
        assertEquals(FaultCommand.Kind.FAN_FAULT, parser.parse("fan-vfd-fault").kind());
        FaultCommand frozen = parser.parse("sensor-frozen cdu supply_temp");
        assertEquals("cdu", frozen.device());
        assertEquals("supply_temp", frozen.point());
        assertEquals(FaultCommand.Kind.SENSOR_INVALID, parser.parse("  sensor-invalid  cdu flow ").kind());
        assertEquals(300, parser.parse("slow meter-main 300").value());
        assertEquals(11, parser.parse("exception cdu 0x0B").value());
        FaultCommand wave = parser.parse("heat-wave 2/min 45");
        assertEquals(2, wave.value());
        assertEquals(45, wave.limit());
        FaultCommand range = parser.parse("miner-hang 10-19");
        assertEquals(10, range.firstMiner());
        assertEquals(19, range.lastMiner());
        assertEquals(239, parser.parse("miner-unreachable all").lastMiner());
        assertEquals("cdu", parser.parse("clear cdu").device());
        assertEquals(FaultCommand.Kind.DEVICE_OFFLINE, parser.parse("device-offline meter-main").kind());
        assertEquals(FaultCommand.Kind.BATTERY_STUCK, parser.parse("battery-stuck").kind());
        FaultCommand cloud = parser.parse("cloud 0.7 300");
        assertEquals(FaultCommand.Kind.CLOUD, cloud.kind());
        assertEquals(0.7, cloud.value());
        assertEquals(300, cloud.limit());
        assertEquals(0, parser.parse("cloud 1").limit(), "until cleared");
    }

    @Test
    void badCommandsSayWhy() {
        assertMessage("unknown command 'pump-explode'", "pump-explode");
        assertMessage("no device 'transformr'", "device-offline transformr");
        assertMessage("has no point 'supply'", "sensor-invalid cdu supply");
        assertMessage("delay in ms must be a number", "slow cdu fast");
        assertMessage("exception code must be 1..255", "exception cdu 0");
        assertMessage("rate must look like 2/min", "heat-wave 2 45");
        assertMessage("out of range 0..239", "miner-hang 230-240");
        assertMessage("takes 0 argument(s)", "pump-stop now");
        assertMessage("takes 0 argument(s)", "battery-stuck 50");
        assertMessage("cloud fraction must be in 0.0..1.0", "cloud 60");
        assertMessage("'cloud' takes FRACTION [SECONDS]", "cloud");
        assertMessage("cloud duration in seconds must be in 1.0..86400.0", "cloud 0.5 0");
        assertMessage("empty command", "   ");
    }

    private void assertMessage(String expected, String command) {
        FaultSyntaxException e = assertThrows(FaultSyntaxException.class, () -> parser.parse(command));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void scriptIsSortedAndCommentsSkipped() throws Exception {
        List<ScheduledFault> s = FaultScript.parse("""
                # a comment

                at 120s clear
                at 1.5s pump-stop
                at 60s heat-wave 2/min 45
                """, parser);
        assertEquals(List.of(1500L, 60_000L, 120_000L), s.stream().map(ScheduledFault::atMillis).toList());
        assertEquals(4, s.get(0).line());
    }

    @Test
    void scriptWithBadLinesIsRefusedWhole() {
        FaultSyntaxException e = assertThrows(FaultSyntaxException.class, () -> FaultScript.parse("""
                at 10s pump-stop
                at 20 pump-stop
                at 30s sensor-invalid cdu nope
                """, parser));
        assertTrue(e.getMessage().contains("line 2: expected 'at <seconds>s <command>'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3: device 'cdu' has no point 'nope'"), e.getMessage());
        assertFalse(e.getMessage().contains("line 1"));
    }

    @Test
    void scriptRunsOnSimulatedTimeAndBadInjectChangesNothing() throws Exception {
        SimulatorOptions options = SimulatorOptions.forTests().withServeMiners(false)
                .withFaultScript("at 10s pump-stop\nat 20s sensor-invalid cdu supply_temp\nat 30s clear\n");
        try (Simulator sim = Simulator.start(SiteDocuments.loadBuiltIn("demo-container"), options)) {
            sim.advance(Duration.ofSeconds(9));
            assertEquals(Cdu.PumpState.RUNNING, sim.model().cdu().pumpState());
            sim.advance(Duration.ofSeconds(2));
            assertEquals(Cdu.PumpState.FAULT, sim.model().cdu().pumpState());
            sim.advance(Duration.ofSeconds(10));
            assertFalse(sim.image("cdu").get("supply_temp").isValid());
            assertTrue(sim.image("cdu").get("supply_temp").invalidReason().contains("0x8000"));
            sim.advance(Duration.ofSeconds(10));
            assertTrue(sim.image("cdu").get("supply_temp").isValid());
            assertEquals(Cdu.PumpState.RUNNING, sim.model().cdu().pumpState());
            double flow = sim.image("cdu").number("flow");
            assertThrows(FaultSyntaxException.class, () -> sim.inject("sensor-frozen cdu nonsense"));
            assertThrows(FaultSyntaxException.class, () -> sim.inject("device-offline"));
            sim.inject("sensor-frozen cdu flow");
            sim.inject("pump-stop");
            sim.advance(Duration.ofSeconds(10));
            assertEquals(flow, sim.image("cdu").number("flow"), "frozen flow keeps its value");
            assertEquals(0, sim.model().flowM3h());
        }
    }

    @Test
    void refusesABadScriptBeforeServing() {
        SimulatorOptions options = SimulatorOptions.forTests().withFaultScript("at 1s explode\n");
        assertThrows(FaultSyntaxException.class,
                () -> Simulator.start(SiteDocuments.loadBuiltIn("demo-container"), options));
    }
}
