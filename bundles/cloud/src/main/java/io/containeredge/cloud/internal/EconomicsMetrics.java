package io.containeredge.cloud.internal;

import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.EconomicsStatus;
import java.util.Map;
import java.util.Optional;

/**
 * The economics node metrics: the energy price the controller used and its source (LIVE, TARIFF, CONTRACT), the
 * hashprice and the fleet's profit per hour now, to the dollar (the miners' hashrate noise would otherwise send it
 * every second). Always present, so that the node's metric set does not change when
 * economics starts deciding (which would force a rebirth): NaN and an empty source while there is no economics
 * status (the site has no economics section, or the controller has not decided yet).
 */
final class EconomicsMetrics {

    static final String PRICE = "Economics/Energy Price USD per MWh";
    static final String SOURCE = "Economics/Energy Price Source";
    static final String HASHPRICE = "Economics/Hashprice USD per TH day";
    static final String PROFIT = "Economics/Profit USD per h";

    private EconomicsMetrics() {
    }

    /** Adds the economics metrics of {@code control} (null when there is none) to the node's. */
    static void put(Map<String, Object> metrics, ControlService control) {
        Optional<EconomicsStatus> e = control == null ? Optional.empty() : control.economics();
        metrics.put(PRICE, e.map(s -> s.priceNow().usdPerMwh()).orElse(Double.NaN));
        metrics.put(SOURCE, e.map(s -> s.priceNow().source()).orElse(""));
        metrics.put(HASHPRICE, e.map(s -> s.hashprice().usdPerThDay()).orElse(Double.NaN));
        metrics.put(PROFIT, e.map(s -> (double) Math.round(s.profit().usdPerHour())).orElse(Double.NaN));
    }
}
