package io.containeredge.control.watchdog;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd that the gateway is ready, alive, and what it is doing (sd_notify protocol).
 *
 * <p>The protocol wants a datagram on the AF_UNIX socket named by {@code NOTIFY_SOCKET}; Java 17
 * has AF_UNIX stream sockets only. So each notification runs {@code systemd-notify --pid=<our pid>
 * VAR=VALUE...}. That message comes from the systemd-notify process, not the main process, so the unit
 * needs {@code NotifyAccess=all}. systemd-notify then waits until systemd has read the message (it
 * follows it with BARRIER=1, seen with systemd 252 on Debian 12), so the message is not dropped for
 * coming from a process that has already exited.
 * A notification costs a process start (~5 ms); {@link #watchdog()} therefore sends at most once
 * per half watchdog interval, which is what systemd recommends anyway. Call it from a thread of its
 * own, never from the control cycle: a notification may block up to {@link #TIMEOUT}.
 *
 * <p>Without {@code NOTIFY_SOCKET} (not started by systemd, or Type= is not notify) every method is a
 * no-op and {@link #describe()} says so.
 */
public final class SystemdNotifier {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);

    private final String socket;
    private final Duration watchdogInterval;
    private final String executable;
    private final LongSupplier nanoClock;
    private final long pid = ProcessHandle.current().pid();
    private long lastWatchdogNanos;
    private boolean sentWatchdog;
    private boolean failing;

    /**
     * @param env the process environment ({@code NOTIFY_SOCKET}, {@code WATCHDOG_USEC},
     *     {@code WATCHDOG_PID})
     * @param executable the systemd-notify command, a name looked up on PATH or a path
     * @param nanoClock monotonic time for the rate limit
     */
    SystemdNotifier(Map<String, String> env, String executable, LongSupplier nanoClock) {
        String s = env.get("NOTIFY_SOCKET");
        this.socket = s == null || s.isBlank() ? null : s;
        this.watchdogInterval = socket == null ? Duration.ZERO : watchdogInterval(env, pid);
        this.executable = executable;
        this.nanoClock = nanoClock;
    }

    /** The notifier for this process as systemd started it. */
    public static SystemdNotifier fromEnvironment() {
        SystemdNotifier n = new SystemdNotifier(System.getenv(), "systemd-notify", System::nanoTime);
        LOG.info("{}", n.describe());
        return n;
    }

    /** True when systemd listens: NOTIFY_SOCKET is set. */
    public boolean enabled() {
        return socket != null;
    }

    /** systemd's watchdog timeout for this process, zero if the watchdog is off or not ours. */
    public Duration watchdogInterval() {
        return watchdogInterval;
    }

    public String describe() {
        if (socket == null) {
            return "systemd notify off: NOTIFY_SOCKET is not set (not started by a Type=notify unit)";
        }
        return "systemd notify on " + socket + " via " + executable + (watchdogInterval.isZero()
                ? ", watchdog off" : ", watchdog " + watchdogInterval.toMillis() + " ms");
    }

    /** READY=1: start-up finished; send it once the first control cycle has completed. */
    public boolean ready() {
        return send("READY=1");
    }

    /** STATUS=...: one line shown by {@code systemctl status}. */
    public boolean status(String text) {
        // a newline would start another assignment, letting the text set arbitrary variables
        return send("STATUS=" + text.replaceAll("[\\r\\n]+", " "));
    }

    /**
     * WATCHDOG=1, at most once per half watchdog interval; calls in between return false without
     * sending. The caller decides whether the process deserves it ({@link WatchdogPolicy}).
     *
     * @return true if a notification was sent and systemd-notify succeeded
     */
    public synchronized boolean watchdog() {
        if (watchdogInterval.isZero()) {
            return false;
        }
        long now = nanoClock.getAsLong();
        if (sentWatchdog && now - lastWatchdogNanos < watchdogInterval.toNanos() / 2) {
            return false;
        }
        sentWatchdog = true;
        lastWatchdogNanos = now;
        return send("WATCHDOG=1");
    }

    /** The command line for a notification. */
    List<String> command(String... assignments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.add("--pid=" + pid);
        cmd.addAll(List.of(assignments));
        return cmd;
    }

    private synchronized boolean send(String... assignments) {
        if (socket == null) {
            return false;
        }
        List<String> cmd = command(assignments);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("NOTIFY_SOCKET", socket);
        try {
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return failed(cmd, "no answer in " + TIMEOUT.toMillis() + " ms");
            }
            if (p.exitValue() != 0) {
                return failed(cmd, "exit code " + p.exitValue());
            }
        } catch (IOException e) {
            return failed(cmd, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(cmd, "interrupted");
        }
        if (failing) {
            LOG.info("systemd notification works again");
            failing = false;
        }
        return true;
    }

    /** Warns once per run of failures: a missing systemd-notify must not flood the log every few seconds. */
    private boolean failed(List<String> cmd, String why) {
        if (!failing) {
            LOG.warn("systemd notification {} failed: {}", cmd, why);
            failing = true;
        } else {
            LOG.debug("systemd notification {} failed: {}", cmd, why);
        }
        return false;
    }

    private static Duration watchdogInterval(Map<String, String> env, long pid) {
        String owner = env.get("WATCHDOG_PID");
        if (owner != null && !owner.isBlank() && !owner.trim().equals(Long.toString(pid))) {
            return Duration.ZERO; // the watchdog belongs to another process (we are its child)
        }
        try {
            long usec = Long.parseLong(env.getOrDefault("WATCHDOG_USEC", "0").trim());
            return usec > 0 ? Duration.ofNanos(usec * 1_000) : Duration.ZERO;
        } catch (NumberFormatException e) {
            LOG.warn("WATCHDOG_USEC={} is not a number: watchdog off", env.get("WATCHDOG_USEC"));
            return Duration.ZERO;
        }
    }
}
