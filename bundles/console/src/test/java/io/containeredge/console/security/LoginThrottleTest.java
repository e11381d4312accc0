package io.containeredge.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lockout scenarios on a virtual clock (milliseconds since an arbitrary start). */
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();
    private long now = 1_000_000;

    private Optional<Duration> fail(String name, String address) {
        return throttle.failed(name, address, now);
    }

    @Test
    void fourFailuresAreFreeTheFifthLocksForThirtySeconds() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(Optional.empty(), fail("alice", "10.0.0.5"), "failure " + i);
            assertEquals(Optional.empty(), throttle.lockout("alice", "10.0.0.5", now));
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), fail("alice", "10.0.0.5"));
        now += 29_999;
        assertEquals(Optional.of(Duration.ofMillis(1)), throttle.lockout("alice", "10.0.0.5", now));
        now += 1;
        assertEquals(Optional.empty(), throttle.lockout("alice", "10.0.0.5", now));
    }

    @Test
    void eachFailureAfterALockDoublesItUpToFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            fail("alice", "10.0.0.5");
        }
        Duration[] expected = {Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
            Duration.ofSeconds(480), Duration.ofMinutes(15), Duration.ofMinutes(15)};
        for (Duration lock : expected) {
            now += throttle.lockout("alice", "10.0.0.5", now).orElseThrow().toMillis();
            assertEquals(Optional.of(lock), fail("alice", "10.0.0.5"));
        }
        assertEquals(Duration.ofMinutes(15), LoginThrottle.lockFor(1000), "no overflow however many failures");
    }

    @Test
    void theUserNameIsLockedFromEveryAddress() {
        for (int i = 0; i < 5; i++) {
            fail("alice", "10.0.0." + i);
        }
        assertTrue(throttle.lockout("alice", "192.168.1.9", now).isPresent(), "a new address does not help");
        assertTrue(throttle.lockout("bob", "192.168.1.9", now).isEmpty(), "other users are not affected");
    }

    @Test
    void theAddressIsLockedForEveryUserName() {
        for (int i = 0; i < 5; i++) {
            fail("user" + i, "10.0.0.66");
        }
        assertTrue(throttle.lockout("someone-else", "10.0.0.66", now).isPresent(), "spraying names does not help");
        assertTrue(throttle.lockout("user0", "10.0.0.7", now).isEmpty());
    }

    @Test
    void unknownAndExistingNamesAreCountedAlike() {
        for (int i = 0; i < 5; i++) {
            fail("no-such-user", "10.0.0.1");
            fail("alice", "10.0.0.2");
        }
        assertEquals(throttle.lockout("alice", "x", now), throttle.lockout("no-such-user", "y", now));
    }

    @Test
    void aSuccessClearsTheNameButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            fail("alice", "10.0.0.5");
        }
        throttle.succeeded("alice");
        assertEquals(Optional.empty(), fail("alice", "10.0.0.9"), "the name starts again from zero");
        assertTrue(fail("mallory", "10.0.0.5").isPresent(), "the address's fifth failure locks it");
    }

    @Test
    void failuresAreForgottenAfterAnHourWithoutOne() {
        for (int i = 0; i < 4; i++) {
            fail("alice", "10.0.0.5");
        }
        now += LoginThrottle.FORGET_AFTER.toMillis();
        assertEquals(Optional.empty(), fail("alice", "10.0.0.5"), "counting starts again");
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), fail("alice", "10.0.0.5"));
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), fail("alice", "10.0.0.5"));
    }

    @Test
    void aFloodOfInventedNamesIsBoundedAndKeepsLockedKeys() {
        for (int i = 0; i < 5; i++) {
            fail("admin", "10.0.0." + i);
        }
        for (int i = 0; i < LoginThrottle.MAX_KEYS + 500; i++) {
            now += 1;
            throttle.failed("invented" + i, "10.1." + (i / 250) + "." + (i % 250), now);
        }
        assertTrue(throttle.trackedKeys() <= LoginThrottle.MAX_KEYS);
        assertTrue(throttle.lockout("admin", "10.9.9.9", now).isPresent(), "a locked name is not evicted");
    }
}
