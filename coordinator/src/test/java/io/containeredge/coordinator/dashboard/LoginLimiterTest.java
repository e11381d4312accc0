package io.containeredge.coordinator.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {

    private final LoginLimiter limiter = new LoginLimiter();

    @Test
    void locksAfterTheFreeFailuresThenDoublesUpToTheLongest() {
        assertEquals(Duration.ZERO, LoginLimiter.lockAfter(LoginLimiter.FREE - 1));
        assertEquals(LoginLimiter.FIRST_LOCK, LoginLimiter.lockAfter(LoginLimiter.FREE));
        assertEquals(LoginLimiter.FIRST_LOCK.multipliedBy(2), LoginLimiter.lockAfter(LoginLimiter.FREE + 1));
        assertEquals(LoginLimiter.LONGEST, LoginLimiter.lockAfter(LoginLimiter.FREE + 40));
    }

    @Test
    void aLockedNameWaitsFromAnyAddressAndALockedAddressForAnyName() {
        for (int i = 0; i < LoginLimiter.FREE; i++) {
            limiter.failed("Operator", "10.0.0." + i, 1000);
        }
        assertEquals(LoginLimiter.FIRST_LOCK, limiter.wait("operator ", "10.0.0.99", 1000), "names fold case");
        assertEquals(Duration.ZERO, limiter.wait("operator", "10.0.0.99", 1000 + 30_000));

        for (int i = 0; i < LoginLimiter.FREE; i++) {
            limiter.failed("name" + i, "10.9.9.9", 50_000);
        }
        assertEquals(LoginLimiter.FIRST_LOCK, limiter.wait("someone", "10.9.9.9", 50_000));
    }

    @Test
    void aSuccessClearsTheNameButNotTheAddress() {
        for (int i = 0; i < LoginLimiter.FREE - 1; i++) {
            limiter.failed("operator", "10.0.0.1", 0);
        }
        limiter.succeeded("operator");
        limiter.failed("operator", "10.0.0.2", 0);
        assertEquals(Duration.ZERO, limiter.wait("operator", "10.0.0.2", 0), "the name starts again at one");
        limiter.failed("other", "10.0.0.1", 0);
        assertEquals(LoginLimiter.FIRST_LOCK, limiter.wait("other", "10.0.0.1", 0), "the address kept its count");
    }

    @Test
    void failuresAreForgottenAfterAnHourWithoutOne() {
        for (int i = 0; i < LoginLimiter.FREE - 1; i++) {
            limiter.failed("operator", "10.0.0.1", 0);
        }
        long later = LoginLimiter.MEMORY.toMillis();
        limiter.failed("operator", "10.0.0.1", later);
        assertEquals(Duration.ZERO, limiter.wait("operator", "10.0.0.1", later));
    }
}
