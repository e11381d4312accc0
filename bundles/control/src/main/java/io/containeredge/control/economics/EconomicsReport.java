package io.containeredge.control.economics;

import io.containeredge.control.api.EconomicsStatus;
import io.containeredge.control.miner.MinerStatus;
import java.util.List;
import java.util.Optional;

/**
 * The economics status, computed once per cycle after the economic limit has decided (never per request), with the
 * day's profit integrated from one cycle to the next.
 */
public final class EconomicsReport {

    private final EconomicLimit limit;
    private final ProfitToday today;
    private volatile EconomicsStatus latest;

    public EconomicsReport(EconomicLimit limit) {
        this.limit = limit;
        this.today = new ProfitToday(limit.inputs().tariff().settings().zone());
    }

    /** After a cycle: the status of what the limit decided in it, the miners as they last reported. */
    public void update(List<MinerStatus> miners) {
        EconomicState state = limit.state();
        if (state == null) {
            return; // the loop has not decided yet
        }
        FleetProfit now = FleetProfit.of(state, miners);
        today.add(now.usdPerHour(), state.wallMillis());
        latest = EconomicsStatusBuilder.build(state, limit.inputs(), now, today);
    }

    /** The latest status; empty until the loop's first decision. */
    public Optional<EconomicsStatus> latest() {
        return Optional.ofNullable(latest);
    }
}
