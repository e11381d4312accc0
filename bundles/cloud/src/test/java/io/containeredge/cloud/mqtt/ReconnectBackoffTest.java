package io.containeredge.cloud.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void ceilingDoublesUpToTheCap() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(1));
        assertEquals(Duration.ofMillis(100), b.ceiling(0));
        assertEquals(Duration.ofMillis(800), b.ceiling(3));
        assertEquals(Duration.ofSeconds(5), b.ceiling(6));
        assertEquals(Duration.ofSeconds(5), b.ceiling(1000), "no overflow after many failures");
    }

    @Test
    void delaysAreFullyJitteredWithinTheCeilingAndReproducible() {
        ReconnectBackoff a = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(42));
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(42));
        for (int i = 0; i < 100; i++) {
            Duration d = a.next();
            assertEquals(d, b.next(), "same seed, same delays");
            assertTrue(!d.isNegative() && d.compareTo(a.ceiling(i)) < 0, d + " within ceiling " + a.ceiling(i));
        }
        a.reset();
        assertTrue(a.next().compareTo(Duration.ofMillis(100)) < 0, "reset starts from the initial ceiling");
    }

    @Test
    void jitterSpreadsOverTheWholeWindow() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10), new Random(7));
        long low = 0;
        long high = 0;
        for (int i = 0; i < 1000; i++) {
            long ms = b.next().toMillis();
            low += ms < 2500 ? 1 : 0;
            high += ms >= 7500 ? 1 : 0;
        }
        assertTrue(low > 150 && high > 150, "low " + low + ", high " + high);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1), new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()));
    }
}
