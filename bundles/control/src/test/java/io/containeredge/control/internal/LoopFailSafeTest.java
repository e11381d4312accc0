package io.containeredge.control.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.alarm.AlarmRegistry;
import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.control.miner.MinerStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control cycle's runner when the cycle fails: an Error, or exceptions cycle after cycle, shed every
 * miner through the fleet directly, raise a journalled critical alarm, and stop the cycles that feed the
 * watchdog.
 */
class LoopFailSafeTest {

    private static final int MINERS = 12;

    @TempDir
    Path dir;
    private final List<MinerCommand> sent = new CopyOnWriteArrayList<>();
    private AlarmRegistry alarms;
    private long clock = 1_000;
    private LoopFailSafe failSafe;
    /** Cycles that completed, each of which would feed the watchdog. */
    private int fed;

    @BeforeEach
    void start() {
        alarms = new AlarmRegistry(dir.resolve("alarms.jsonl"));
        failSafe = new LoopFailSafe(new Fleet(), alarms, () -> clock);
    }

    @AfterEach
    void close() throws Exception {
        alarms.close();
    }

    /** A cycle that runs the steps given, one per tick: null completes, otherwise it is thrown. */
    private Runnable cycle(Throwable... steps) {
        int[] tick = {0};
        return failSafe.guarded("control cycle", () -> {
            Throwable t = tick[0] < steps.length ? steps[tick[0]] : null;
            tick[0]++;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            fed++;
        });
    }

    private static void ticks(Runnable task, int n) {
        for (int i = 0; i < n; i++) {
            task.run();
        }
    }

    private long sleepsSent() {
        return sent.stream().filter(c -> c.kind() == MinerCommand.Kind.SLEEP).map(MinerCommand::index).distinct().count();
    }

    @Test
    void anErrorShedsEveryMinerAlarmsAndStopsFeedingTheWatchdog() throws Exception {
        Runnable cycle = cycle(null, new StackOverflowError("allocator recursion"), null, null);
        cycle.run();
        assertEquals(1, fed);

        cycle.run(); // throws inside: must not escape, or the scheduler would silently end the task
        assertEquals(MINERS, sleepsSent(), "every miner told to sleep, straight through the fleet");
        assertNotNull(failSafe.failure());
        Alarm alarm = alarms.active().stream().filter(a -> a.id().equals(LoopFailSafe.ALARM)).findFirst().orElseThrow();
        assertEquals(Severity.CRITICAL, alarm.severity());
        assertTrue(alarm.message().contains("StackOverflowError"), alarm.message());

        cycle.run();
        cycle.run();
        assertEquals(1, fed, "no cycle runs any more, so none feeds the watchdog and systemd restarts the gateway");

        alarms.close();
        try (AlarmRegistry replayed = new AlarmRegistry(dir.resolve("alarms.jsonl"))) {
            assertTrue(replayed.active().stream().anyMatch(a -> a.id().equals(LoopFailSafe.ALARM)), "journalled");
        }
        alarms = new AlarmRegistry(dir.resolve("alarms.jsonl"));
    }

    @Test
    void anExceptionNowAndThenIsLoggedAndTheNextCycleRuns() {
        RuntimeException bug = new IllegalStateException("bad reading");
        Runnable cycle = cycle(bug, bug, null, bug, null);
        ticks(cycle, 5);
        assertNull(failSafe.failure());
        assertEquals(2, fed);
        assertEquals(0, sent.size());
    }

    @Test
    void threeExceptionsInARowGiveUpAndTheShedIsRepeatedWhileGivenUp() {
        RuntimeException bug = new IllegalStateException("index out of range");
        Runnable cycle = cycle(null, bug, bug, bug, null);
        ticks(cycle, 4);
        assertNotNull(failSafe.failure());
        assertTrue(failSafe.failure().contains("3 times in a row"), failSafe.failure());
        assertEquals(MINERS, sent.size());
        assertTrue(alarms.active().stream().anyMatch(a -> a.id().equals(LoopFailSafe.ALARM)));

        cycle.run();
        assertEquals(1, fed);
        assertEquals(MINERS, sent.size(), "not again at every tick");
        clock += LoopFailSafe.RESHED_MILLIS;
        cycle.run();
        assertEquals(2 * MINERS, sent.size(), "again after a while, should a miner have been woken");
    }

    @Test
    void aFailingMinerPollGivesUpTheControllerToo() {
        Runnable poll = failSafe.guarded("miner poll", () -> {
            throw new OutOfMemoryError("Java heap space");
        });
        Runnable cycle = cycle();
        poll.run();
        cycle.run();
        assertEquals(0, fed);
        assertEquals(MINERS, sleepsSent());
    }

    @Test
    void theAlarmLeavesTheOtherActiveAlarmsAsTheyAre() {
        alarms.update(List.of(new AlarmCondition("thermal.trip", Severity.CRITICAL, "cooling", "pump stopped",
                Double.NaN)), clock);
        cycle(new AssertionError("broken invariant")).run();
        assertEquals(List.of("thermal.trip", LoopFailSafe.ALARM), alarms.active().stream().map(Alarm::id).toList());
    }

    /** Miners that take every command; the fail-safe needs their endpoints only. */
    private final class Fleet implements ControlLoop.Fleet {
        private final Map<Integer, MinerEndpoint> endpoints = IntStream.range(0, MINERS).boxed()
                .collect(Collectors.toMap(i -> i, i -> new MinerEndpoint(i, "127.0.0.1", 14100 + i, 3500)));

        @Override
        public Map<Integer, MinerEndpoint> endpoints() {
            return endpoints;
        }

        @Override
        public List<MinerStatus> statuses() {
            throw new AssertionError("the fail-safe needs no status");
        }

        @Override
        public CompletableFuture<List<CommandOutcome>> execute(List<MinerCommand> commands) {
            sent.addAll(commands);
            return CompletableFuture.completedFuture(commands.stream()
                    .map(c -> new CommandOutcome(c, true, "ok", clock, 1)).toList());
        }
    }
}
