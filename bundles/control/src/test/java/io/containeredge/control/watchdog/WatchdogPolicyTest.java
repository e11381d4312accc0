package io.containeredge.control.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The policy on a virtual clock, and with the notifier against a model of systemd's watchdog. */
class WatchdogPolicyTest {

    private final WatchdogPolicy policy = WatchdogPolicy.forTimeout(Duration.ofSeconds(10));

    @Test
    void notifiesOnlyWhileTheLastHealthyCycleIsRecent() {
        assertEquals(Duration.ofSeconds(5), policy.maxCycleAge());
        assertFalse(policy.notifyNow(WatchdogPolicy.NEVER, 0), "no cycle yet: not alive yet");
        assertTrue(policy.notifyNow(1_000, 1_000));
        assertTrue(policy.notifyNow(1_000, 6_000));
        assertFalse(policy.notifyNow(1_000, 6_001), "a stalled cycle stops the notifications");
        assertTrue(policy.notifyNow(6_500, 6_600), "and a cycle that completes again resumes them");
    }

    @Test
    void rejectsNonPositiveDurations() {
        assertThrows(IllegalArgumentException.class, () -> WatchdogPolicy.forTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new WatchdogPolicy(Duration.ofSeconds(10), Duration.ofSeconds(-1)));
    }

    /**
     * 250 ms cycles for 20 s, then the cycle hangs. Ticking every 100 ms, the process must never miss
     * the 10 s deadline while healthy and must miss it within 1.5 × 10 s of the stall.
     */
    @Test
    void aStalledCycleGetsTheProcessRestartedAndAHealthyOneNever() {
        AtomicLong nanos = new AtomicLong();
        SystemdNotifier notifier = new SystemdNotifier(
                Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "10000000"), "true", nanos::get);
        WatchdogPolicy p = WatchdogPolicy.forTimeout(notifier.watchdogInterval());
        long stallAt = 20_000;
        long lastHealthy = WatchdogPolicy.NEVER;
        long lastPet = 0; // systemd arms the watchdog when the service starts
        long killedAt = -1;
        List<Long> pets = new ArrayList<>();
        for (long t = 0; t <= 60_000 && killedAt < 0; t += 100) {
            nanos.set(t * 1_000_000);
            if (t < stallAt && t % 250 == 0) {
                lastHealthy = t;
            }
            if (p.notifyNow(lastHealthy, t) && notifier.watchdog()) {
                pets.add(t);
                lastPet = t;
            }
            if (t - lastPet > 10_000) {
                killedAt = t;
            }
        }
        assertEquals(List.of(0L, 5_000L, 10_000L, 15_000L, 20_000L), pets, "every half interval, not every tick");
        assertNotEquals(-1, killedAt);
        assertTrue(killedAt > stallAt && killedAt <= stallAt + 15_000, "killed at " + killedAt);
    }
}
