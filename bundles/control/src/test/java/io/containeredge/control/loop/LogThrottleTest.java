package io.containeredge.control.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log throttle on a virtual clock, at the control cycle's 250 ms. */
class LogThrottleTest {

    private final LogThrottle throttle = new LogThrottle(Duration.ofSeconds(20));

    /** The times (ms) at which a line of {@code kind} reporting {@code state} got through, one try per cycle. */
    private List<Long> admitted(String kind, Object state, long from, long to) {
        List<Long> through = new ArrayList<>();
        for (long t = from; t < to; t += 250) {
            if (throttle.admit(kind, state, t) >= 0) {
                through.add(t);
            }
        }
        return through;
    }

    @Test
    void aLineEveryCycleInTheSameStateGetsThroughThreeTimesAMinute() {
        assertEquals(List.of(0L, 20_000L, 40_000L), admitted("setpoint", 1.0, 0, 60_000));
    }

    @Test
    void everyChangeOfStateGetsThroughAtOnce() {
        admitted("setpoint", 1.0, 0, 1000);
        assertEquals(3, throttle.admit("setpoint", 0.0, 1000), "discharging -> idle, after 3 held back");
        assertEquals(0, throttle.admit("setpoint", -1.0, 1250));
        assertEquals(-1, throttle.admit("setpoint", -1.0, 1500));
    }

    @Test
    void theLineLetThroughCountsTheLinesHeldBackSinceTheLastOne() {
        admitted("setpoint", 1.0, 0, 20_000);
        assertEquals(79, throttle.admit("setpoint", 1.0, 20_000), "80 cycles in 20 s, the first let through");
        assertEquals(" (79 similar lines held back)", LogThrottle.heldBack(79));
        assertEquals("", LogThrottle.heldBack(0));
    }

    @Test
    void kindsAreThrottledEachOnItsOwn() {
        assertEquals(0, throttle.admit("setpoint", 1.0, 0));
        assertEquals(0, throttle.admit("commands", "power", 250));
        assertEquals(-1, throttle.admit("setpoint", 1.0, 500));
        assertEquals(-1, throttle.admit("commands", "power", 750));
    }

    @Test
    void aClockSteppedBackLetsTheNextLineThroughInsteadOfSilencingTheKind() {
        throttle.admit("overrun", true, 100_000);
        assertEquals(0, throttle.admit("overrun", true, 50_000));
        assertEquals(-1, throttle.admit("overrun", true, 50_250));
    }
}
