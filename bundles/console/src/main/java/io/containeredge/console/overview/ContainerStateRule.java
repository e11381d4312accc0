package io.containeredge.console.overview;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.estop.EmergencyStopGuard;
import io.containeredge.control.power.PowerGuard;
import io.containeredge.control.thermal.ThermalGuard;
import io.containeredge.control.thermal.ThermalState.Stage;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Derives the container's state from the controller's last cycle. The most severe state wins, in this
 * order:
 * <ol>
 * <li>UNKNOWN: no cycle yet, or the last one is older than {@link #STALE_AFTER_MILLIS} (the loop runs
 *     every 250 ms, so it has stopped): the console must not show a healthy container it cannot see;</li>
 * <li>TRIPPED: the thermal guard is latched in its trip, or the emergency-stop guard limits (pressed,
 *     unreadable, or latched until reset): both hold every miner asleep until a person resets them;</li>
 * <li>SAFE: the thermal guard is in its fail-safe stage, or the power guard holds miners from waking
 *     (it does that only at its fail-safe level, when the import reading is not good);</li>
 * <li>WARNING: the thermal guard is in its warning stage, or any WARNING or CRITICAL condition is
 *     active — except the comm-loss warnings of devices in maintenance, which are expected there;</li>
 * <li>MAINTENANCE: a device is in maintenance;</li>
 * <li>NORMAL otherwise. INFO conditions (e.g. no gateway I/O on a PC) do not count. What limits the
 *     miners then is the overview's {@code binding}, not part of the state.</li>
 * </ol>
 * A power guard that merely curtails to the import cap is normal operation, not a warning; the
 * import over its limit is, through its {@code power.over-limit} condition.
 */
public final class ContainerStateRule {

    static final long STALE_AFTER_MILLIS = 5_000;
    private static final String MAINTENANCE_SUFFIX = ".maintenance";

    private ContainerStateRule() {
    }

    public static StateVerdict derive(ControlStatus status, long nowMillis) {
        if (status == null) {
            return new StateVerdict(ContainerState.UNKNOWN, "the control loop has not completed a cycle yet");
        }
        long age = nowMillis - status.timestampMillis();
        if (age > STALE_AFTER_MILLIS) {
            return new StateVerdict(ContainerState.UNKNOWN,
                    "the control loop last reported " + age / 1000 + " s ago: it is not running");
        }
        Optional<Verdict> thermal = verdict(status, ThermalGuard.NAME);
        String thermalReason = thermal.map(Verdict::reason).orElse(status.thermalStage());
        if (Stage.TRIPPED.name().equals(status.thermalStage())) {
            return new StateVerdict(ContainerState.TRIPPED, thermalReason);
        }
        Optional<Verdict> estop = verdict(status, EmergencyStopGuard.NAME).filter(Verdict::limits);
        if (estop.isPresent()) {
            return new StateVerdict(ContainerState.TRIPPED, estop.get().reason());
        }
        if (Stage.SAFE.name().equals(status.thermalStage())) {
            return new StateVerdict(ContainerState.SAFE, thermalReason);
        }
        Optional<Verdict> powerSafe = verdict(status, PowerGuard.NAME).filter(Verdict::holdWake);
        if (powerSafe.isPresent()) {
            return new StateVerdict(ContainerState.SAFE, powerSafe.get().reason());
        }
        if (Stage.WARNING.name().equals(status.thermalStage())) {
            return new StateVerdict(ContainerState.WARNING, thermalReason);
        }
        List<AlarmCondition> warnings = status.conditions().stream()
                .filter(c -> c.severity() != Severity.INFO && !c.id().endsWith(MAINTENANCE_SUFFIX))
                .sorted(Comparator.comparing(AlarmCondition::severity).reversed())
                .toList();
        if (!warnings.isEmpty()) {
            String more = warnings.size() > 1 ? " (and " + (warnings.size() - 1) + " more)" : "";
            return new StateVerdict(ContainerState.WARNING, warnings.get(0).message() + more);
        }
        if (!status.maintenance().isEmpty()) {
            return new StateVerdict(ContainerState.MAINTENANCE, status.maintenance().stream()
                    .map(MaintenanceWindow::device).collect(Collectors.joining(", ")) + " in maintenance");
        }
        return new StateVerdict(ContainerState.NORMAL, "within its limits; nothing needs attention");
    }

    private static Optional<Verdict> verdict(ControlStatus status, String guard) {
        return status.verdicts().stream().filter(v -> v.guard().equals(guard)).findFirst();
    }
}
