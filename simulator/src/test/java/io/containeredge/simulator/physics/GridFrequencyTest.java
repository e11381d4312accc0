package io.containeredge.simulator.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.simulator.DemoSites;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.fault.FaultCommand;
import io.containeredge.simulator.fault.FaultSyntaxException;
import io.containeredge.site.api.SiteDocuments;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The grid frequency model: the site's nominal frequency with bounded noise (a healthy grid never nears a 59.7 Hz
 * threshold), and the {@code freq-dip} fault, for its seconds of simulated time or until {@code clear}.
 */
class GridFrequencyTest {

    @Test
    void aHealthyGridStaysWithinTheNoiseBoundOfTheSitesNominal() throws Exception {
        ContainerModel demo = new ContainerModel(SiteDocuments.loadBuiltIn("demo-container").config(), 7, 0);
        assertEquals(60, demo.grid().nominalHz(), "the demo's grid.frequency.nominalHz");
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < 100_000; i++) {
            double hz = demo.gridHz();
            min = Math.min(min, hz);
            max = Math.max(max, hz);
        }
        assertTrue(min >= 60 - GridFrequency.NOISE_LIMIT_HZ && max <= 60 + GridFrequency.NOISE_LIMIT_HZ,
                min + ".." + max);
        assertTrue(max - min > 0.02, "it is noisy: " + min + ".." + max);
        assertEquals(50, new ContainerModel(DemoSites.withoutAi().config(), 7, 0).grid().nominalHz(),
                "a site without the guard keeps the simulator's 50 Hz");
    }

    @Test
    void aDipHoldsForItsSecondsOfSimulatedTime() {
        GridFrequency grid = new GridFrequency(60);
        grid.dip(59.5, 2);
        assertEquals(59.5, grid.hz(0), 1e-9);
        assertEquals(59.52, grid.hz(1), 1e-9, "noise bounded in a dip too");
        grid.step(1.9);
        assertTrue(grid.dipping());
        grid.step(0.2);
        assertFalse(grid.dipping());
        assertEquals(60, grid.hz(0), 1e-9);
    }

    @Test
    void theFaultIsParsedInjectedAndCleared() throws Exception {
        try (Simulator sim = Simulator.start(SiteDocuments.loadBuiltIn("demo-container"),
                SimulatorOptions.forTests().withServeMiners(false))) {
            FaultCommand dip = sim.inject("freq-dip 59.4 3");
            assertEquals(FaultCommand.Kind.FREQ_DIP, dip.kind());
            assertEquals(59.4, dip.value());
            assertEquals(3, dip.limit());
            assertEquals(59.4, sim.model().gridHz(), 0.021);
            sim.advance(Duration.ofSeconds(4));
            assertEquals(60, sim.model().gridHz(), 0.021, "over after its 3 s");
            sim.inject("freq-dip 59.6 600");
            sim.inject("clear");
            assertEquals(60, sim.model().gridHz(), 0.021, "clear ends it");
            assertMessage(sim, "dip frequency in Hz must be in 40.0..70.0", "freq-dip 30 5");
            assertMessage(sim, "dip duration in seconds must be in 0.1..86400.0", "freq-dip 59.5 0");
            assertMessage(sim, "'freq-dip' takes 2 argument(s)", "freq-dip 59.5");
        }
    }

    private static void assertMessage(Simulator sim, String expected, String command) {
        FaultSyntaxException e = assertThrows(FaultSyntaxException.class, () -> sim.inject(command));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
