package io.containeredge.modbus.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromInitialUpToTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertEquals(Duration.ZERO, b.after(0));
        assertEquals(Duration.ofSeconds(1), b.after(1));
        assertEquals(Duration.ofSeconds(2), b.after(2));
        assertEquals(Duration.ofSeconds(16), b.after(5));
        assertEquals(Duration.ofSeconds(30), b.after(6));
        assertEquals(Duration.ofSeconds(30), b.after(1000));
    }
}
