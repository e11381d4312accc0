package io.containeredge.cloud.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void burstThenSteadyRateOnAVirtualClock() {
        AtomicLong now = new AtomicLong(0);
        TokenBucket b = new TokenBucket(100, 10, now::get);
        assertEquals(10, b.takeUpTo(50), "the burst");
        assertEquals(0, b.takeUpTo(1));
        assertEquals(10_000_000, b.nanosUntilToken(), "one token per 10 ms");
        now.addAndGet(55_000_000);
        assertEquals(5, b.takeUpTo(50));
        now.addAndGet(10_000_000_000L);
        assertEquals(10, b.takeUpTo(50), "refill is capped at the burst");
        assertEquals(3, new TokenBucket(100, 10, now::get).takeUpTo(3));
    }
}
