package io.containeredge.control.economics;

import io.containeredge.control.miner.MinerMode;
import io.containeredge.control.miner.MinerStatus;
import java.util.List;
import java.util.Locale;

/**
 * What the fleet earns per hour now, net of its energy, pure: each miner that answered at the hashrate and power it
 * reported (a sleeping one costs its few watts), a priced miner that did not answer at its model's curve at the step
 * economics holds it at (its power still costs, its hashrate is assumed), an unpriced one that did not answer left
 * out (nothing is known of it).
 */
record FleetProfit(double usdPerHour, int reported, int modelled) {

    private static final double HOURS_PER_DAY = 24;
    private static final double W_PER_MW = 1e6;

    static FleetProfit of(EconomicState state, List<MinerStatus> miners) {
        double net = state.hashprice().netUsdPerThDay();
        double price = state.price().usdPerMwh();
        double usd = 0;
        int reported = 0;
        int modelled = 0;
        for (MinerStatus m : miners) {
            UnitModel unit = state.units().get(m.index());
            if (m.reachable()) {
                double hashrate = m.mode() == MinerMode.AWAKE ? m.hashrateThs() : 0;
                usd += hashrate * net / HOURS_PER_DAY - m.powerW() / W_PER_MW * price;
                reported++;
            } else if (unit != null) {
                double step = state.followed().getOrDefault(m.index(), unit.topW());
                usd += step == 0 ? 0 : Valuation.usdPerHour(unit.curve(), step, net, price);
                modelled++;
            }
        }
        return new FleetProfit(usd, reported, modelled);
    }

    /** For people: "reported by 238 miners; model curve at the planned step for 2 not answering". */
    String basis() {
        String r = String.format(Locale.ROOT, "reported by %d miners", reported);
        return modelled == 0 ? r
                : String.format(Locale.ROOT, "%s; model curve at the planned step for %d not answering", r, modelled);
    }
}
