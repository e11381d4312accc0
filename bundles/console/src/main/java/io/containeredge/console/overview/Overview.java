package io.containeredge.console.overview;

import io.containeredge.control.maintenance.MaintenanceWindow;
import java.util.List;
import java.util.Map;

/**
 * The container at a glance, as the live stream sends it every second. A {@code null} number is not
 * known (a reading that is not good, a device the site does not have, or no limit in force).
 *
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
        List<Guard> guards,
        Cloud cloud,
        Alarms alarms,
        List<MaintenanceWindow> maintenance,
        Map<String, Double> series) {

    /**
     * @param importWhy why the import is not known, else null
     * @param siteLimitKw the lower of the site's import cap and the transformer rating x pf; an override
     *     or a hot-spot reduction in force is named in the power guard's reason
     * @param maxMinerKw the miner power the guards allow now; null for no limit
     */
    public record Power(Double importKw, String importWhy, Double importCapKw, Double ratingKw, Double siteLimitKw,
            Double minerKw, Double committedKw, Double maxMinerKw) {
    }

    /** Coolant temperatures and the site's limits for them. */
    public record Cooling(Double supplyC, String supplyWhy, Double returnC, String returnWhy, Double warningC,
            Double tripC, Double lowC) {
    }

    /**
     * @param present the site has a battery inverter
     * @param powerKw measured AC power, + discharge
     * @param setpointKw the 704 power setpoint the inverter reports back, when it has one
     */
    public record Battery(boolean present, Double socPct, Double powerKw, Double setpointKw) {
    }

    /**
     * @param awake reported hashing (or waking) and powered
     * @param asleep answering and not hashing: asleep, or their socket cut
     * @param unreachable did not answer their last status request (they may still be drawing power)
     * @param lastCommandFailed of the miners commanded recently, those whose latest command failed
     */
    public record Miners(long total, long awake, long asleep, long unreachable, int commanded, int lastCommandFailed) {
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
