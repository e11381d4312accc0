package io.containeredge.cloud.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of appending: nothing acknowledged to the caller may be lost. */
class OutboundQueueCrashTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedAppendSurvivesKillDashNine() throws Exception {
        Path file = dir.resolve("crash.db");
        for (int round = 0; round < 3; round++) {
            List<Long> printed = appendThenKill(file, 150 + 50 * round);
            try (OutboundQueue q = OutboundQueue.open(file, 1L << 30)) {
                List<Long> stored = q.peek(1_000_000).stream().map(OutboundQueue.Stored::id).toList();
                Set<Long> storedSet = stored.stream().collect(Collectors.toSet());
                for (long id : printed) {
                    assertTrue(storedSet.contains(id), "acknowledged id " + id + " lost after kill -9 (round " + round + ")");
                }
                for (int i = 1; i < stored.size(); i++) {
                    assertTrue(stored.get(i) > stored.get(i - 1), "ids strictly ordered");
                }
                for (int i = 1; i < printed.size(); i++) {
                    assertTrue(printed.get(i) > printed.get(i - 1), "ids handed out strictly increasing");
                }
                assertEquals(stored.size(), q.size());
            }
        }
    }

    /** Starts the appender, kills it forcibly after {@code killAfter} acknowledged ids; returns all it printed. */
    private List<Long> appendThenKill(Path file, int killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                QueueAppenderMain.class.getName(), file.toString(), "100000")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> printed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("open", out.readLine(), "child opened the queue");
            String line;
            while ((line = out.readLine()) != null) {
                printed.add(Long.parseLong(line));
                if (printed.size() == killAfter) {
                    // SIGKILL: no shutdown hook, no close(). Through the handle, because Process.destroyForcibly()
                    // also closes our end of the pipe and we must still read every id printed before the kill.
                    child.toHandle().destroyForcibly();
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child gone");
        }
        assertTrue(printed.size() >= killAfter && printed.size() < 100000, "killed mid-way: " + printed.size());
        return printed;
    }
}
