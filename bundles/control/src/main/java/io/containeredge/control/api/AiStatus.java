package io.containeredge.control.api;

import java.util.List;

/**
 * The AI/HPC load beside the miners as the controller last acted on it, for people (the API, the console) and the
 * cloud (one Sparkplug device per tenant).
 *
 * @param timestampMillis wall-clock time of the control cycle it describes
 * @param aiKw what all GPU servers draw (a server that cannot be read counts at its rating)
 * @param miningKw what the miners draw
 * @param tenants each tenant, in site order
 */
public record AiStatus(long timestampMillis, double aiKw, double miningKw, List<Tenant> tenants) {

    public AiStatus {
        tenants = List.copyOf(tenants);
    }

    /**
     * One tenant under its contract.
     *
     * @param drawKw what its servers draw now (unreadable ones at their rating)
     * @param grantKw what the allocation gives it this cycle: floor + band when nothing limits it
     * @param capKw the sum of the caps in force on its servers; infinite while none is capped
     * @param capped its band (or more) is capped now
     * @param reason why it has what it has, e.g. "band capped: miners' power worth more (150 > 140 USD/MWh)"
     * @param breach a hard limit holds it under its firm floor now (a contract breach, recorded)
     * @param cappedHoursThisMonth how long its band has been capped for economic reasons this calendar month
     * @param breaches the breaches recorded this calendar month
     */
    public record Tenant(String name, double floorKw, double flexKw, double flexUsdPerMwh, double drawKw,
            double grantKw, double capKw, boolean capped, String reason, boolean breach, double cappedHoursThisMonth,
            double maxCappedHoursPerMonth, long breaches, List<Server> servers) {

        public Tenant {
            servers = List.copyOf(servers);
        }
    }

    /**
     * One GPU server as last read through its BMC.
     *
     * @param reachable its last reading is fresh and good
     * @param drawW what it draws (its rating while unreadable)
     * @param capW the cap in force on the BMC; NaN when none or not known
     * @param control how it is capped: {@code Controls} (Redfish Control resource, SetPoint) or
     *     {@code PowerControl} (the older Power resource, PowerLimit); empty before discovery
     * @param problem why it is unreachable or not following its cap; empty when none
     */
    public record Server(String id, boolean reachable, double drawW, double ratedW, double capW, String control,
            String problem) {
    }
}
