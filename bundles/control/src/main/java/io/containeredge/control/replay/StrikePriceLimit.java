package io.containeredge.control.replay;

import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.economics.EconomicInputs;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.site.api.MinerFleetConfig;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The usual industry baseline as a soft limit source: every miner of a known model asleep while the energy price
 * is above one strike price, all of them back (at the wake ramp) when it is not; no hold time, no power targets.
 * Only the backtest compares against it; the controller runs {@link io.containeredge.control.economics.EconomicLimit}.
 */
final class StrikePriceLimit implements LimitSource {

    static final String NAME = "strike-price";

    private final double strikeUsdPerMwh;
    private final EconomicInputs inputs;
    private final boolean[] priced;
    private final double pricedKw;
    private boolean above;

    StrikePriceLimit(double strikeUsdPerMwh, EconomicInputs inputs, MinerFleetConfig miners) {
        this.strikeUsdPerMwh = strikeUsdPerMwh;
        this.inputs = inputs;
        this.priced = new boolean[miners.count()];
        IntStream.range(0, miners.count()).forEach(i -> priced[i] = miners.modelOf(i).isPresent());
        this.pricedKw = IntStream.range(0, miners.count()).filter(i -> priced[i])
                .mapToDouble(miners::ratedPowerWOf).sum() / 1000;
    }

    @Override
    public Verdict.Strength strength() {
        return Verdict.Strength.SOFT;
    }

    @Override
    public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
        double price = inputs.energyPrice(cycle.wallMillis()).usdPerMwh();
        above = price > strikeUsdPerMwh;
        String reason = String.format(Locale.ROOT, "price %.0f USD/MWh %s strike %.0f USD/MWh", price,
                above ? ">" : "<=", strikeUsdPerMwh);
        double limitKw = above ? in.minerRatedKw() - pricedKw : Double.POSITIVE_INFINITY;
        return List.of(new Verdict(NAME, limitKw, false, reason, List.of(), Verdict.Strength.SOFT, null));
    }

    /** Asleep above the strike for a miner of a known model; otherwise nothing holds it below its rating. */
    MinerValue valueOf(int index) {
        return above && index < priced.length && priced[index] ? new MinerValue(0, 0) : MinerValue.NONE;
    }
}
