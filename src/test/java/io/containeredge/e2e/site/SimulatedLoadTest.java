package io.containeredge.e2e.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.site.api.SiteReport.Offer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedLoadTest {

    private final SimulatedLoad load = new SimulatedLoad(20, 60, List.of(new Offer(40, 0.02), new Offer(40, 0.05)),
            150, 50);

    @Test
    void risesAtTheWakeRampUpToWhatTheHardLimitAllows() {
        assertEquals(80, load.importKw(), 1e-9, "other + firm before anything runs");
        load.follow(1000, 0.5);
        assertEquals(105, load.importKw(), 1e-9);
        load.follow(1000, 10);
        assertEquals(150, load.importKw(), 1e-9, "other 20 + firm 60 + 80 of blocks is 160: the hard limit holds it");
        assertEquals(0.05, load.offers().get(0).valuePerKw(), "highest value first");
    }

    @Test
    void shedsToTheLimitAtOnceButNeverBelowTheFirmFloor() {
        load.follow(1000, 10);
        load.follow(100, 0.25);
        assertEquals(100, load.importKw(), 1e-9);
        load.follow(10, 0.25);
        assertEquals(80, load.importKw(), 1e-9, "the other load and the firm floor stay");
        load.follow(120, 0.25);
        assertEquals(92.5, load.importKw(), 1e-9, "12.5 kW per quarter second at the wake ramp");
    }
}
