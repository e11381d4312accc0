package io.containeredge.control.economics;

import io.containeredge.control.api.EconomicsStatus;
import io.containeredge.control.api.EconomicsStatus.HashpriceNow;
import io.containeredge.control.api.EconomicsStatus.ModelEconomics;
import io.containeredge.control.api.EconomicsStatus.Price;
import io.containeredge.control.api.EconomicsStatus.Profit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The economics status from the economic limit's last decision and its inputs, pure. */
final class EconomicsStatusBuilder {

    /** How far ahead the prices are shown. */
    static final Duration AHEAD = Duration.ofHours(24);

    private EconomicsStatusBuilder() {
    }

    static EconomicsStatus build(EconomicState state, EconomicInputs inputs, FleetProfit now, ProfitToday today) {
        long wall = state.wallMillis();
        EnergyPrice p = state.price();
        List<ModelEconomics> models = new ArrayList<>();
        ModelPlan.of(state.units(), state.onLearnedCurves(), state.followed(), state.hashprice().netUsdPerThDay())
                .forEach((model, plan) -> models.add(new ModelEconomics(model, plan.breakevenUsdPerMwh(), plan.units(),
                        plan.asleep(), plan.lowered(), plan.onLearnedCurves())));
        return new EconomicsStatus(wall, new Price(p.usdPerMwh(), p.source().name(), p.basis(), p.fallback()),
                PricesAhead.of(inputs.tariff(), inputs.prices(), wall, AHEAD), hashprice(state.hashprice(), wall),
                models, new Profit(now.usdPerHour(), now.reported(), now.modelled(), now.basis(), today.usd(),
                        today.sinceMillis()), state.limitKw(), state.reason(), inputs.priceFile().orElse(null));
    }

    private static HashpriceNow hashprice(Hashprice h, long wall) {
        boolean received = h.origin() == Hashprice.Origin.RECEIVED;
        return new HashpriceNow(h.usdPerThDay(), h.poolFee(), h.netUsdPerThDay(), h.origin().name(),
                received ? h.receivedAtMillis() : 0, received ? (wall - h.receivedAtMillis()) / 1000 : 0,
                h.validity().toSeconds(), h.staleAt(wall));
    }
}
