package io.containeredge.control.api;

import io.containeredge.control.api.AlarmCondition.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Derives the container's state from one cycle's decision. The most severe state wins, in this order:
 * <ol>
 * <li>TRIPPED: the thermal guard is latched in its trip, or the emergency-stop guard limits (pressed,
 *     unreadable, or latched until reset): both hold every miner asleep until a person resets them;</li>
 * <li>SAFE: the thermal guard is in its fail-safe stage, or the power guard holds miners from waking
 *     (it does that only at its fail-safe level, when the import reading is not good);</li>
 * <li>WARNING: the thermal guard is in its warning stage, or any WARNING or CRITICAL condition is
 *     active — except the comm-loss warnings of devices in maintenance, which are expected there;</li>
 * <li>MAINTENANCE: a device is in maintenance;</li>
 * <li>NORMAL otherwise. INFO conditions (e.g. no gateway I/O on a PC) do not count. What limits the
 *     miners then is the status's {@code binding}, not part of the state.</li>
 * </ol>
 * A power guard that merely curtails to the import cap is normal operation, not a warning; the
 * import over its limit is, through its {@code power.over-limit} condition. The thermal stages are the
 * names of the thermal guard's stages, as {@link ControlStatus#thermalStage()} carries them.
 */
final class ContainerStateRule {

    private static final String MAINTENANCE_SUFFIX = ".maintenance";

    private ContainerStateRule() {
    }

    /** The state and, in words, why. */
    record Derived(ContainerState state, String reason) {
    }

    static Derived derive(String thermalStage, List<Verdict> verdicts, List<AlarmCondition> conditions,
            List<MaintenanceWindow> maintenance) {
        String thermalReason = verdict(verdicts, GuardNames.THERMAL).map(Verdict::reason).orElse(thermalStage);
        if ("TRIPPED".equals(thermalStage)) {
            return new Derived(ContainerState.TRIPPED, thermalReason);
        }
        Optional<Verdict> estop = verdict(verdicts, GuardNames.EMERGENCY_STOP).filter(Verdict::limits);
        if (estop.isPresent()) {
            return new Derived(ContainerState.TRIPPED, estop.get().reason());
        }
        if ("SAFE".equals(thermalStage)) {
            return new Derived(ContainerState.SAFE, thermalReason);
        }
        Optional<Verdict> powerSafe = verdict(verdicts, GuardNames.POWER).filter(Verdict::holdWake);
        if (powerSafe.isPresent()) {
            return new Derived(ContainerState.SAFE, powerSafe.get().reason());
        }
        if ("WARNING".equals(thermalStage)) {
            return new Derived(ContainerState.WARNING, thermalReason);
        }
        List<AlarmCondition> warnings = conditions.stream()
                .filter(c -> c.severity() != Severity.INFO && !c.id().endsWith(MAINTENANCE_SUFFIX))
                .sorted(Comparator.comparing(AlarmCondition::severity).reversed())
                .toList();
        if (!warnings.isEmpty()) {
            String more = warnings.size() > 1 ? " (and " + (warnings.size() - 1) + " more)" : "";
            return new Derived(ContainerState.WARNING, warnings.get(0).message() + more);
        }
        if (!maintenance.isEmpty()) {
            return new Derived(ContainerState.MAINTENANCE, maintenance.stream()
                    .map(MaintenanceWindow::device).collect(Collectors.joining(", ")) + " in maintenance");
        }
        return new Derived(ContainerState.NORMAL, "within its limits; nothing needs attention");
    }

    private static Optional<Verdict> verdict(List<Verdict> verdicts, String guard) {
        return verdicts.stream().filter(v -> v.guard().equals(guard)).findFirst();
    }
}
