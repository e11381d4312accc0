package io.containeredge.simulator.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The last minute's hashrate: the mean of whole seconds, only the new rate a minute after a change. */
class HashrateWindowTest {

    private static void run(HashrateWindow w, double ths, double seconds) {
        for (int i = 0; i < Math.round(seconds * 10); i++) {
            w.add(ths, 0.1);
        }
    }

    @Test
    void aMinuteAfterAChangeItShowsOnlyTheNewRate() {
        HashrateWindow w = new HashrateWindow();
        assertEquals(0, w.averageThs());
        run(w, 200, 90);
        assertEquals(200, w.averageThs(), 1e-6);
        run(w, 150, 30);
        assertEquals(175, w.averageThs(), 1e-6, "half a minute after the change: half of each");
        run(w, 150, 30);
        assertEquals(150, w.averageThs(), 1e-6);
    }

    @Test
    void beforeAMinuteItIsTheMeanOfTheSecondsItHas() {
        HashrateWindow w = new HashrateWindow();
        run(w, 100, 10);
        run(w, 40, 10);
        assertEquals(70, w.averageThs(), 1e-6);
    }
}
