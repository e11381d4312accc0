package io.containeredge.control.rack;

import io.containeredge.site.api.AiSettings.Contract;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A tenant's contract as the allocation applies it, a pure function of (contract, price, time, state):
 * <ul>
 * <li>its band is offered at the contract's value per kW less the energy price (net, as the miners' values are), so
 *     it is served among the miners' steps by value and a binding limit caps it before a miner worth more (at once:
 *     a limit cannot wait for a notice);</li>
 * <li>a price above the band's value caps the band for the price, but only after the ramp notice: announced when
 *     the price first rises above it, applied if it is still above when the notice has run;</li>
 * <li>once the band has been capped for the month's allowance, neither happens again that month: the band is
 *     offered above every miner (only a limit that the miners' whole power cannot meet caps it then);</li>
 * <li>the floor is never offered: {@link io.containeredge.control.load.LoadBudget} serves it out of the hard
 *     limits' budget, so only a safety limit goes under it, which is counted here as a breach.</li>
 * </ul>
 */
public final class TenantContract {

    /** A grant this close to the floor or the band's top is met: rounding, not a cap or a breach. */
    static final double SLACK_KW = 0.5;

    private TenantContract() {
    }

    /**
     * What the contract keeps across cycles (and, but for the price notice, across restarts).
     *
     * @param cappedMillis how long the band has been capped this month
     * @param breaches how many times this month a hard limit has held the tenant under its floor
     * @param inBreach it is under its floor now
     * @param priceAboveSinceMillis when the price rose above the band's value (wall clock); {@link Long#MIN_VALUE}
     *     while it is not above
     * @param lastWallMillis the last cycle's wall-clock time ({@link Long#MIN_VALUE} before the first)
     * @param capped the band was capped in the last cycle
     */
    public record State(YearMonth month, long cappedMillis, long breaches, boolean inBreach, long priceAboveSinceMillis,
            long lastWallMillis, boolean capped) {

        /** A month with nothing counted yet. */
        public static State fresh(YearMonth month) {
            return new State(month, 0, 0, false, Long.MIN_VALUE, Long.MIN_VALUE, false);
        }

        /** As restored from the contract file: the month's counts, nothing else. */
        public static State restored(YearMonth month, long cappedMillis, long breaches) {
            return new State(month, cappedMillis, breaches, false, Long.MIN_VALUE, Long.MIN_VALUE, false);
        }
    }

    /**
     * How the band is offered this cycle.
     *
     * @param valuePerKw USD/h per kW net of the energy price, comparable with the miners' values
     * @param cappedForPrice the band is not offered at all: the price is above its value and the notice has run
     * @param note for people: why it is offered so ("band worth 140 USD/MWh", "band cap for the price from 16:05")
     */
    public record Band(double valuePerKw, boolean cappedForPrice, String note) {
    }

    /**
     * @param priceUsdPerMwh the energy price economics decides on now; NaN when the site has none
     */
    public static Band band(Contract c, State s, double priceUsdPerMwh, long wallMillis, ZoneId zone) {
        // net of the energy it uses, as the miners' values are (what a kW earns an hour less what it costs)
        double value = (c.flexUsdPerMwh() - (Double.isNaN(priceUsdPerMwh) ? 0 : priceUsdPerMwh)) / 1000;
        if (allowanceSpent(c, s)) {
            return new Band(Double.POSITIVE_INFINITY, false, "band not capped for value: this month's "
                    + hours(c.maxCappedHoursPerMonth()) + " h of caps are spent");
        }
        long since = priceAbove(c, s, priceUsdPerMwh, wallMillis);
        if (since == Long.MIN_VALUE) {
            return new Band(value, false, "band worth " + usd(c.flexUsdPerMwh()) + " USD/MWh");
        }
        long from = since + c.rampNotice().toMillis();
        String price = "energy " + usd(priceUsdPerMwh) + " USD/MWh above the band's " + usd(c.flexUsdPerMwh());
        return wallMillis >= from ? new Band(value, true, "band capped for the price: " + price)
                : new Band(value, false, "band cap announced for " + clock(from, zone) + ": " + price);
    }

    /**
     * The state after a cycle in which the tenant was given {@code grantKw}.
     *
     * @param topKw floor + band, or what its servers can draw when that is less: a grant under it caps the band
     */
    public static State account(Contract c, State s, double priceUsdPerMwh, double grantKw, double topKw,
            long wallMillis, ZoneId zone) {
        YearMonth month = YearMonth.from(Instant.ofEpochMilli(wallMillis).atZone(zone));
        boolean newMonth = !month.equals(s.month());
        State now = newMonth ? State.fresh(month) : s;
        long dt = newMonth || s.lastWallMillis() == Long.MIN_VALUE ? 0 : Math.max(0, wallMillis - s.lastWallMillis());
        boolean breach = grantKw < Math.min(c.floorKw(), topKw) - SLACK_KW;
        boolean capped = !breach && grantKw < topKw - SLACK_KW;
        return new State(month, now.cappedMillis() + (s.capped() ? dt : 0),
                now.breaches() + (breach && !s.inBreach() ? 1 : 0), breach,
                priceAbove(c, s, priceUsdPerMwh, wallMillis),
                wallMillis, capped);
    }

    /** The band's allowance of caps is used up for the month. */
    static boolean allowanceSpent(Contract c, State s) {
        return s.cappedMillis() >= c.maxCappedHoursPerMonth() * 3_600_000;
    }

    private static long priceAbove(Contract c, State s, double priceUsdPerMwh, long wallMillis) {
        if (!(priceUsdPerMwh > c.flexUsdPerMwh())) {
            return Long.MIN_VALUE;
        }
        return s.priceAboveSinceMillis() == Long.MIN_VALUE ? wallMillis : s.priceAboveSinceMillis();
    }

    static String usd(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String hours(double h) {
        return String.format(Locale.ROOT, "%.1f", h);
    }

    private static String clock(long wallMillis, ZoneId zone) {
        return String.format(Locale.ROOT, "%tR", Instant.ofEpochMilli(wallMillis).atZone(zone));
    }
}
