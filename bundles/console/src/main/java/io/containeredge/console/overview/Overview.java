package io.containeredge.console.overview;

import io.containeredge.control.api.MaintenanceWindow;
import java.util.List;
import java.util.Map;

/**
 * The container at a glance, as the live stream sends it every second. A {@code null} number is not
 * known (a reading that is not good, a device the site does not have, or no limit in force).
 *
 * @param ai AI against mining power and each AI/HPC tenant; null when the site has no ai section
 * @param grid the grid services: what binds, the frequency guard, the peak alert, the active events; null before the
 *     controller's first cycle
 * @param siteLease the container's site lease; null when the site has no siteLease section
 * @param series the newest value of every history series by key, to extend the live charts
 */
public record Overview(
        long timestampMillis,
        String state,
        String stateReason,
        String thermalStage,
        String binding,
        Power power,
        Cooling cooling,
        Battery battery,
        Miners miners,
        Ai ai,
        Grid grid,
        SiteLease siteLease,
        List<Guard> guards,
        Cloud cloud,
        Alarms alarms,
        List<MaintenanceWindow> maintenance,
        Map<String, Double> series) {

    /**
     * @param importWhy why the import is not known, else null
     * @param siteLimitKw the lower of the site's import cap and the transformer rating x pf
     * @param allowedImportKw the import the power guard enforced in the controller's last cycle: the site
     *     limit, an override or a hot-spot reduction (its reason names which); null when the controller
     *     does not run or a bad import reading holds the miners at the safe level instead
     * @param maxMinerKw the miner power the guards allow now; null for no limit
     */
    public record Power(Double importKw, String importWhy, Double importCapKw, Double ratingKw, Double siteLimitKw,
            Double allowedImportKw, Double minerKw, Double committedKw, Double maxMinerKw) {
    }

    /** Coolant temperatures and the site's limits for them. */
    public record Cooling(Double supplyC, String supplyWhy, Double returnC, String returnWhy, Double warningC,
            Double tripC, Double lowC) {
    }

    /**
     * @param present the site has a battery inverter
     * @param powerKw measured AC power, + discharge
     * @param setpointKw the 704 power setpoint the inverter reports back, when it has one
     * @param commandedKw the setpoint the controller commanded in its last cycle, + discharge; null when
     *     it commands none (in maintenance, no setpoint model readable, the controller not running)
     */
    public record Battery(boolean present, Double socPct, Double powerKw, Double setpointKw, Double commandedKw) {
    }

    /**
     * @param awake reported hashing (or waking) and powered
     * @param asleep answering and not hashing: asleep, or their socket cut
     * @param unreachable did not answer their last status request (they may still be drawing power)
     * @param lastCommandFailed of the miners commanded recently, those whose latest command failed
     */
    public record Miners(long total, long awake, long asleep, long unreachable, int commanded, int lastCommandFailed) {
    }

    /** What the GPU servers and the miners draw, and each tenant under its contract. */
    public record Ai(Double aiKw, Double miningKw, List<AiTenant> tenants) {
    }

    /**
     * @param flexKw the contract's flexible band above the floor
     * @param capKw the caps in force on its servers; null while none is capped
     * @param drawKw what it uses now
     * @param reason why it has what it has (why it is capped, or in breach of its floor)
     */
    public record AiTenant(String name, double floorKw, double flexKw, Double grantKw, Double capKw, Double drawKw,
            boolean capped, boolean breach, String reason) {
    }

    /**
     * @param binding the event or peak window that binds the container now; null when none
     * @param frequencyState the under-frequency guard's state (NORMAL, SHED, RESTORING, BLIND); null without a guard
     * @param frequencyHz the grid frequency last read; null when not known or without a guard
     * @param peakAlert a coincident-peak alert is on
     * @param activeEvents the names of the demand-response events active now
     */
    public record Grid(String binding, String frequencyState, Double frequencyHz, boolean peakAlert,
            List<String> activeEvents) {
    }

    /**
     * @param state LEASED, SETTLING, FALLBACK or NONE
     * @param budgetKw the last lease's budget; null when none was taken since start
     * @param limitKw the import limit the lease gives now: the budget or the fallback share
     * @param expiresAtMillis when the lease ends; null without one
     * @param binding the lease's limit is the one that binds the container now
     */
    public record SiteLease(String state, Double budgetKw, double fallbackKw, double limitKw, Long expiresAtMillis,
            boolean binding, String reason) {
    }

    /** One guard's verdict: {@code maxMinerKw} null for no limit. */
    public record Guard(String guard, boolean limits, Double maxMinerKw, boolean holdWake, String reason) {
    }

    /** The link to the operations centre; {@code configured} false when no broker is set up. */
    public record Cloud(boolean configured, boolean connected, String server, Long backlog, Long thinned) {
    }

    public record Alarms(int active, int critical, int unacknowledged) {
    }
}
