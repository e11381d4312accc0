package io.containeredge.control.api;

import java.util.List;

/**
 * The economics of the site as the controller last acted on them, for people (the API, the console) and the cloud:
 * what energy costs now and ahead and where that number came from, what hashing earns, each model's breakeven, the
 * fleet's profit, and the economic limit with its reason. Built once per cycle in the controller.
 *
 * @param timestampMillis wall-clock time of the cycle it describes
 * @param priceNow the energy price the controller used
 * @param ahead the prices of the next 24 h: the live or forecast slots received, the tariff's periods elsewhere
 * @param models per model: its breakeven and what economics does with its units
 * @param limitKw the economic limit on all controllable loads; infinite (null in JSON) when it limits nothing
 * @param reason why, with its numbers ("price 112 USD/MWh > breakeven 97 USD/MWh for S21 units: 40 units asleep")
 * @param priceFile the local price file, null when the site has none
 */
public record EconomicsStatus(long timestampMillis, Price priceNow, List<PriceAhead> ahead, HashpriceNow hashprice,
        List<ModelEconomics> models, Profit profit, double limitKw, String reason, PriceFile priceFile) {

    public EconomicsStatus {
        ahead = List.copyOf(ahead);
        models = List.copyOf(models);
    }

    /**
     * An energy price and where it came from.
     *
     * @param source LIVE (a live or forecast slot), TARIFF or CONTRACT
     * @param basis which slot or period ("live slot 14:05", "tariff peak")
     * @param fallback why no live price was used where one could have been ("live prices ended at 14:15"), else null
     */
    public record Price(double usdPerMwh, String source, String basis, String fallback) {
    }

    /** One stretch of the prices ahead, [start, end), at one price from one source (LIVE, TARIFF, CONTRACT). */
    public record PriceAhead(long startMillis, long endMillis, double usdPerMwh, String source) {
    }

    /**
     * The hashprice in use.
     *
     * @param origin CONFIGURED (the site's, never stale) or RECEIVED
     * @param receivedAtMillis when a received one was published; 0 for the configured one
     * @param ageSeconds how old a received one is; 0 for the configured one
     * @param stale older than its validity: alarmed, and kept until a newer one comes
     */
    public record HashpriceNow(double usdPerThDay, double poolFee, double netUsdPerThDay, String origin,
            long receivedAtMillis, long ageSeconds, long validitySeconds, boolean stale) {
    }

    /**
     * One miner model's economics.
     *
     * @param breakevenUsdPerMwh the energy price above which no power target of the model pays (it sleeps)
     * @param units its priced miners
     * @param asleep of them asleep by economics
     * @param lowered of them at a power target below their highest
     * @param onLearnedCurves of them deciding on the curve learned from what they report (the breakeven is the
     *     model curve's, as its datasheet says)
     */
    public record ModelEconomics(String model, double breakevenUsdPerMwh, int units, int asleep, int lowered,
            int onLearnedCurves) {

        /** A model whose units all decide on its curve. */
        public ModelEconomics(String model, double breakevenUsdPerMwh, int units, int asleep, int lowered) {
            this(model, breakevenUsdPerMwh, units, asleep, lowered, 0);
        }
    }

    /**
     * What the fleet earns net of its energy.
     *
     * @param usdPerHour now: hashrate x net hashprice - power x energy price, summed over the miners
     * @param reportedMiners miners counted at the hashrate and power they reported
     * @param modelMiners priced miners that did not answer, counted at their model's curve at their planned step
     * @param basis the same in words
     * @param usdToday integrated since {@code todaySinceMillis}; kept in memory, so it restarts with the gateway
     * @param todaySinceMillis local midnight, or the gateway's start if later
     */
    public record Profit(double usdPerHour, int reportedMiners, int modelMiners, String basis, double usdToday,
            long todaySinceMillis) {
    }

    /**
     * The local price file the site's own fetcher writes.
     *
     * @param appliedMillis when a version was last taken; 0 if none yet
     * @param slots how many slots the version taken had
     * @param problem why the latest version was refused (the prices taken before stay in force), else null
     */
    public record PriceFile(String path, long appliedMillis, int slots, String problem) {
    }
}
