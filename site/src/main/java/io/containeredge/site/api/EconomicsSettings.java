package io.containeredge.site.api;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The site's optional {@code economics} section: what energy costs (a tariff, a supply contract), what hashing
 * earns (a hashprice until a newer one is received), and how calmly the controller follows them. A site
 * without the section runs every miner as the limits allow, as before.
 *
 * @param holdTime how long a price change must hold before the miners follow it (ramp and hold)
 * @param minDwell least time between two economic changes of one miner's state (power target, sleep)
 * @param maxStateChangesPerHour most economic changes of one miner's state in any hour
 * @param efficiency how each miner's measured efficiency is learned and when it counts as an underperformer
 * @param priceFile a local file of live or forecast prices the site's own fetcher writes (the form of a
 *     {@code price.update}'s params), relative to the gateway's data directory unless absolute; watched for new
 *     versions
 */
public record EconomicsSettings(Tariff tariff, Hashprice hashprice, Duration holdTime, Duration minDwell,
        int maxStateChangesPerHour, Efficiency efficiency, Optional<String> priceFile) {

    public static final Duration DEFAULT_HOLD_TIME = Duration.ofMinutes(15);
    public static final Duration DEFAULT_MIN_DWELL = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_STATE_CHANGES_PER_HOUR = 4;
    public static final Duration DEFAULT_HASHPRICE_VALIDITY = Duration.ofHours(24);

    /**
     * The settings with the efficiency defaults ({@link Efficiency#DEFAULTS}) and no local price file: live prices
     * come over {@code price.update} only.
     */
    public EconomicsSettings(Tariff tariff, Hashprice hashprice, Duration holdTime, Duration minDwell,
            int maxStateChangesPerHour) {
        this(tariff, hashprice, holdTime, minDwell, maxStateChangesPerHour, Efficiency.DEFAULTS, Optional.empty());
    }

    /**
     * Measured efficiency: each miner's curve learned from what it reports, and the underperformers.
     *
     * @param minSamples settled samples a power step needs before its learned point replaces the model's
     * @param underperformerMargin a miner hashing this share below its model's curve at its power (0.10: 10 %)
     *     is below its curve
     * @param underperformerTime below its curve (or an outlier) this long before it raises a warning
     * @param outlierMargin a miner whose J/TH, relative to its model's at its power, is this share above the
     *     median of its model's units is an outlier
     */
    public record Efficiency(int minSamples, double underperformerMargin, Duration underperformerTime,
            double outlierMargin) {

        public static final Efficiency DEFAULTS = new Efficiency(20, 0.10, Duration.ofMinutes(30), 0.15);
    }

    /**
     * What energy costs by the site's contract with its supplier, in the site's local time.
     *
     * @param baseUsdPerMwh the price at any time no period covers
     * @param periods time-of-use periods, no two covering the same minute
     * @param demandChargeUsdPerKwMonth charged on the month's peak: kept for the plan and people, not a price per MWh
     * @param contract a fixed-price supply contract, if any
     */
    public record Tariff(ZoneId zone, double baseUsdPerMwh, List<TouPeriod> periods, double demandChargeUsdPerKwMonth,
            Optional<Contract> contract) {

        public Tariff {
            periods = List.copyOf(periods);
        }
    }

    /**
     * A time-of-use period: these days, from a minute of the day up to (not including) another.
     *
     * @param toMinute up to 1440 (midnight at the end of the day); a period over midnight is written as two
     */
    public record TouPeriod(String name, Set<DayOfWeek> days, int fromMinute, int toMinute, double usdPerMwh) {

        public TouPeriod {
            days = Set.copyOf(days);
        }

        public boolean covers(DayOfWeek day, int minuteOfDay) {
            return days.contains(day) && minuteOfDay >= fromMinute && minuteOfDay < toMinute;
        }
    }

    /**
     * A fixed-price supply contract.
     *
     * @param resale energy not used may be sold back at the market price: running then costs the market price
     *     (what the site would earn by not running), not the contract price
     */
    public record Contract(double usdPerMwh, boolean resale) {
    }

    /**
     * The hashprice to use until one is received, with the pool's fee.
     *
     * @param usdPerThDay what one TH/s of hashrate earns per day before the pool fee
     * @param poolFee the pool's share, 0 to 0.5
     * @param validity how long a received hashprice is good for; after that an alarm, and the last one is kept
     */
    public record Hashprice(double usdPerThDay, double poolFee, Duration validity) {
    }
}
