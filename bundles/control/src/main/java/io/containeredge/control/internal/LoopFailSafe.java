package io.containeredge.control.internal;

import io.containeredge.control.alarm.AlarmRegistry;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.loop.ControlLoop;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the control loop never dies silently. Wraps the periodic tasks (the control cycle, the
 * miner poll) so that nothing escapes them, not even an {@link Error} (an escaped throwable would end
 * a scheduled task without a word). A task that throws an {@code Error}, or an exception
 * {@link #MAX_CONSECUTIVE_FAILURES} times in a row, gives the controller up: every miner is told to
 * sleep straight through the fleet (not through the guards and allocator, which may be what fails),
 * a CRITICAL alarm is journalled, and no task runs any more. The control cycle's task is what feeds
 * the systemd watchdog, so the notifications stop and systemd restarts the gateway, which restores
 * its latches and starts afresh. Without systemd the miners stay asleep until someone restarts it.
 * While given up, the sleep commands are repeated every {@link #RESHED_MILLIS}.
 */
final class LoopFailSafe {

    static final int MAX_CONSECUTIVE_FAILURES = 3;
    static final long RESHED_MILLIS = 30_000;
    static final String ALARM = "control.failed";

    private static final Logger LOG = LoggerFactory.getLogger(LoopFailSafe.class);

    private final ControlLoop.Fleet fleet;
    private final AlarmRegistry alarms;
    private final LongSupplier monotonicMillis;
    private volatile String failure;
    private long lastShedMillis;

    /** @param monotonicMillis a clock for the repeated shed that a wall-clock step does not move */
    LoopFailSafe(ControlLoop.Fleet fleet, AlarmRegistry alarms, LongSupplier monotonicMillis) {
        this.fleet = fleet;
        this.alarms = alarms;
        this.monotonicMillis = monotonicMillis;
    }

    /** Why the controller was given up, or null while it runs. */
    String failure() {
        return failure;
    }

    /** {@code task} as it is to be scheduled: it never throws, and once the controller is given up it no longer runs. */
    Runnable guarded(String name, Runnable task) {
        return new Runnable() {
            private int consecutive;

            @Override
            public void run() {
                if (failure != null) {
                    reshedIfDue();
                    return;
                }
                try {
                    task.run();
                    consecutive = 0;
                } catch (Throwable t) { // NOPMD: an Error must end in the fail-safe, not in a silent thread
                    consecutive++;
                    LOG.error("{} failed ({} in a row)", name, consecutive, t);
                    if (t instanceof Error || consecutive >= MAX_CONSECUTIVE_FAILURES) {
                        giveUp(name + (t instanceof Error ? " threw " : " failed " + consecutive + " times in a row, last: ")
                                + t);
                    }
                }
            }
        };
    }

    private synchronized void giveUp(String why) {
        if (failure != null) {
            return;
        }
        failure = why;
        LOG.error("CONTROL GIVEN UP: {}; every miner is told to sleep, the systemd watchdog is no longer fed", why);
        shed();
        try {
            alarms.raise(new AlarmCondition(ALARM, Severity.CRITICAL, "control",
                    "control loop given up, every miner told to sleep, awaiting a restart: " + why, Double.NaN),
                    System.currentTimeMillis());
        } catch (Throwable t) { // NOPMD: the shed above matters more than the alarm
            LOG.error("alarm {} not raised", ALARM, t);
        }
    }

    private synchronized void reshedIfDue() {
        if (monotonicMillis.getAsLong() - lastShedMillis >= RESHED_MILLIS) {
            shed();
        }
    }

    /** Sleep to every miner the site has, straight through the fleet. */
    private void shed() {
        lastShedMillis = monotonicMillis.getAsLong();
        try {
            List<MinerCommand> sleep = fleet.endpoints().keySet().stream().map(MinerCommand::sleep).toList();
            fleet.execute(sleep).whenComplete((outcomes, e) -> {
                if (e != null) {
                    LOG.error("fail-safe sleep commands failed", e);
                } else {
                    LOG.warn("fail-safe sleep: {} of {} miners confirmed the command",
                            outcomes.stream().filter(o -> o.ok()).count(), outcomes.size());
                }
            });
        } catch (Throwable t) { // NOPMD: tried again at the next reshed
            LOG.error("fail-safe sleep commands not sent", t);
        }
    }
}
