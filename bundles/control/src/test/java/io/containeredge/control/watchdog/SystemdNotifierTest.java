package io.containeredge.control.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier against a fake {@code systemd-notify} that records how it was called, and against the
 * real one sending to a datagram socket that stands in for systemd.
 */
class SystemdNotifierTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();

    /** A fake systemd-notify writing "NOTIFY_SOCKET|args" per call, exiting with {@code exitCode}. */
    private Path fake(int exitCode) throws IOException {
        Path script = dir.resolve("systemd-notify");
        Files.writeString(script, "#!/bin/sh\necho \"$NOTIFY_SOCKET|$*\" >> '" + dir.resolve("calls")
                + "'\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private List<String> calls() throws IOException {
        Path calls = dir.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private SystemdNotifier notifier(Map<String, String> env, Path executable) {
        return new SystemdNotifier(env, executable.toString(), nanos::get);
    }

    @Test
    void withoutNotifySocketNothingIsSentAndItSaysSo() throws IOException {
        SystemdNotifier n = notifier(Map.of("WATCHDOG_USEC", "10000000"), fake(0));
        assertFalse(n.enabled());
        assertTrue(n.describe().contains("NOTIFY_SOCKET is not set"), n.describe());
        assertEquals(Duration.ZERO, n.watchdogInterval());
        assertFalse(n.ready());
        assertFalse(n.watchdog());
        assertFalse(n.status("running"));
        assertEquals(List.of(), calls());
    }

    @Test
    void sendsReadyStatusAndRateLimitedWatchdog() throws IOException {
        SystemdNotifier n = notifier(Map.of("NOTIFY_SOCKET", "/run/test.sock", "WATCHDOG_USEC", "4000000"), fake(0));
        assertEquals(Duration.ofSeconds(4), n.watchdogInterval());
        assertTrue(n.ready());
        assertTrue(n.status("cycle 250 ms\nREADY=0"));
        assertTrue(n.watchdog());
        nanos.set(Duration.ofMillis(1_999).toNanos());
        assertFalse(n.watchdog(), "within half the interval");
        nanos.set(Duration.ofMillis(2_000).toNanos());
        assertTrue(n.watchdog());
        assertEquals(List.of(
                "/run/test.sock|--pid=" + PID + " READY=1",
                "/run/test.sock|--pid=" + PID + " STATUS=cycle 250 ms READY=0",
                "/run/test.sock|--pid=" + PID + " WATCHDOG=1",
                "/run/test.sock|--pid=" + PID + " WATCHDOG=1"), calls());
    }

    @Test
    void watchdogIsOffWhenNotConfiguredOrNotOurs() throws IOException {
        Path fake = fake(0);
        assertFalse(notifier(Map.of("NOTIFY_SOCKET", "/s"), fake).watchdog());
        assertFalse(notifier(Map.of("NOTIFY_SOCKET", "/s", "WATCHDOG_USEC", "x"), fake).watchdog());
        SystemdNotifier child = notifier(Map.of("NOTIFY_SOCKET", "/s", "WATCHDOG_USEC", "4000000",
                "WATCHDOG_PID", Long.toString(PID + 1)), fake);
        assertEquals(Duration.ZERO, child.watchdogInterval());
        assertFalse(child.watchdog());
        assertEquals(List.of(), calls());
    }

    @Test
    void aFailingOrMissingSystemdNotifyIsReportedNotThrown() throws IOException {
        assertFalse(notifier(Map.of("NOTIFY_SOCKET", "/s"), fake(3)).ready());
        assertFalse(notifier(Map.of("NOTIFY_SOCKET", "/s"), dir.resolve("missing")).ready());
    }

    /** The real systemd-notify: the datagram a systemd would receive. Perl is part of every Debian. */
    @Test
    void realSystemdNotifyDeliversToTheSocket() throws Exception {
        assumeTrue(onPath("systemd-notify") && onPath("perl"), "needs systemd-notify and perl");
        Path socket = dir.resolve("notify.sock");
        Path received = dir.resolve("received");
        Path receiver = dir.resolve("recv.pl");
        // plain recv() without a control buffer: the kernel closes the barrier fd systemd-notify waits on
        Files.writeString(receiver, String.join("\n",
                "use Socket; use IO::Handle;",
                "socket(my $s, AF_UNIX, SOCK_DGRAM, 0) or die $!;",
                "bind($s, pack_sockaddr_un($ARGV[0])) or die $!;",
                "open(my $fh, '>>', $ARGV[1]) or die $!; $fh->autoflush(1);",
                "while (defined(recv($s, my $m, 4096, 0))) { print $fh \"$m\\n--\\n\"; }", ""));
        Process perl = new ProcessBuilder("perl", receiver.toString(), socket.toString(), received.toString())
                .redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(20);
            }
            SystemdNotifier n = new SystemdNotifier(Map.of("NOTIFY_SOCKET", socket.toString(),
                    "WATCHDOG_USEC", "2000000"), "systemd-notify", System::nanoTime);
            assertTrue(n.watchdog());
            assertTrue(n.ready());
            String got = Files.readString(received, StandardCharsets.UTF_8);
            assertTrue(got.contains("MAINPID=" + PID + "\nWATCHDOG=1\n"), got);
            assertTrue(got.contains("READY=1"), got);
        } finally {
            perl.destroy();
            perl.waitFor();
        }
    }

    private static boolean onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, name)));
    }
}
