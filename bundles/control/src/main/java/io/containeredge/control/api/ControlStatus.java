package io.containeredge.control.api;

import java.util.List;

/**
 * What the controller is doing, for the API and later the console and the cloud.
 *
 * @param binding the guard whose limit is in force and its reason
 * @param committedKw miner power the allocator has allowed by its commands
 * @param allowedImportKw the import the power guard enforced this cycle: the site's cap or the
 *     transformer rating x pf, an operator's override, or lower while the hot-spot reduction is in
 *     force; NaN while a bad import reading holds the miners at the safe level instead
 * @param batterySetpointKw the battery setpoint in force by the controller's writes, + discharge; NaN
 *     when it commands none (no battery, none readable, the battery in maintenance)
 * @param minersUnreachable miners that did not answer their last status request
 * @param overruns cycles that took longer than the period
 * @param maintenance the devices in maintenance during the cycle: written nothing to
 * @param state the container's state, derived once from this cycle's decision (never UNKNOWN)
 * @param stateReason why it is in that state, in words
 */
public record ControlStatus(
        long timestampMillis,
        String thermalStage,
        double maxMinerKw,
        boolean holdWake,
        String binding,
        double committedKw,
        double minerKw,
        double allowedImportKw,
        double batterySetpointKw,
        long minersAwake,
        long minersTotal,
        long minersUnreachable,
        long cycles,
        long overruns,
        double lastCycleMillis,
        List<Verdict> verdicts,
        List<AlarmCondition> conditions,
        List<MaintenanceWindow> maintenance,
        ContainerState state,
        String stateReason) {

    public ControlStatus {
        verdicts = List.copyOf(verdicts);
        conditions = List.copyOf(conditions);
        maintenance = List.copyOf(maintenance);
    }

    /** A cycle's status, its container state derived from its thermal stage, verdicts, conditions and maintenance. */
    public ControlStatus(long timestampMillis, String thermalStage, double maxMinerKw, boolean holdWake, String binding,
            double committedKw, double minerKw, double allowedImportKw, double batterySetpointKw, long minersAwake,
            long minersTotal, long minersUnreachable, long cycles, long overruns, double lastCycleMillis,
            List<Verdict> verdicts, List<AlarmCondition> conditions, List<MaintenanceWindow> maintenance) {
        this(timestampMillis, thermalStage, maxMinerKw, holdWake, binding, committedKw, minerKw, allowedImportKw,
                batterySetpointKw, minersAwake, minersTotal, minersUnreachable, cycles, overruns, lastCycleMillis,
                verdicts, conditions, maintenance,
                ContainerStateRule.derive(thermalStage, verdicts, conditions, maintenance));
    }

    private ControlStatus(long timestampMillis, String thermalStage, double maxMinerKw, boolean holdWake,
            String binding, double committedKw, double minerKw, double allowedImportKw, double batterySetpointKw,
            long minersAwake, long minersTotal, long minersUnreachable, long cycles, long overruns,
            double lastCycleMillis, List<Verdict> verdicts, List<AlarmCondition> conditions,
            List<MaintenanceWindow> maintenance, ContainerStateRule.Derived derived) {
        this(timestampMillis, thermalStage, maxMinerKw, holdWake, binding, committedKw, minerKw, allowedImportKw,
                batterySetpointKw, minersAwake, minersTotal, minersUnreachable, cycles, overruns, lastCycleMillis,
                verdicts, conditions, maintenance, derived.state(), derived.reason());
    }

    /** The guard named in {@link #binding} ("guard: reason"; guard names carry no colon), empty without one. */
    public String bindingGuard() {
        if (binding == null) {
            return "";
        }
        int colon = binding.indexOf(':');
        return colon < 0 ? binding : binding.substring(0, colon);
    }
}
