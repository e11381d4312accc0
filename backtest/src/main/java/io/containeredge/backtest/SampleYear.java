package io.containeredge.backtest;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Random;

/**
 * A year of 15-minute energy prices made for the backtest, deterministic from a seed: the shape of a wholesale
 * market with much wind and sun (the kind of market mining containers sit in), not any market's data.
 * <ul>
 * <li>level: 38 USD/MWh, higher in summer (air conditioning, +12 at the end of July) and a little in winter
 *     (+5 in mid-January); weekends 15 % lower;</li>
 * <li>day: low at night, a midday dip where the sun pushes prices down (deepest in spring), an evening peak
 *     when the sun sets (highest in summer);</li>
 * <li>weather: a slowly wandering factor per hour (AR(1), 10 % a step, about a day's memory) and heat waves of
 *     several days (about 40 % higher) in summer; noise of a few USD/MWh per slot;</li>
 * <li>negative prices: on windy days (about one in four in spring, one in ten otherwise) the night and the
 *     middle of the day fall below zero (to about -30 USD/MWh) when wind and sun together exceed the demand;</li>
 * <li>scarcity: about 30 events a year, most on summer afternoons and evenings and a few on winter mornings,
 *     lasting 15 minutes to 3 hours and peaking between 300 and 5,000 USD/MWh (the market's cap, heavy-tailed:
 *     most events are a few hundred, a few reach the cap), rising and falling over the event.</li>
 * </ul>
 * Usage: {@code java -cp containeredge-sim.jar io.containeredge.backtest.SampleYear [YEAR [SEED]]} writes the CSV
 * ({@code timestamp,usd_per_mwh}, UTC) to stdout; the shipped {@code firmware-config/prices/sample-year-15min.csv}
 * is {@code SampleYear 2026 13}.
 */
public final class SampleYear {

    static final Duration SLOT = Duration.ofMinutes(15);
    /** The market's local time: shapes follow the clock people live by. */
    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final double CAP_USD_PER_MWH = 5000;
    private static final int SLOTS_PER_HOUR = 4;

    private final Random random;

    private SampleYear(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) {
        int year = args.length > 0 ? Integer.parseInt(args[0]) : 2026;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 13;
        write(year, seed, System.out);
    }

    /** Writes the year's prices, a header and one line per 15-minute slot from 1 January 00:00 UTC. */
    static void write(int year, long seed, PrintStream out) {
        double[] prices = new SampleYear(seed).prices(year);
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        StringBuilder s = new StringBuilder(prices.length * 32);
        s.append("timestamp,usd_per_mwh\n");
        for (int i = 0; i < prices.length; i++) {
            s.append(start.plus(SLOT.multipliedBy(i))).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", prices[i])).append('\n');
        }
        out.print(s);
        out.flush();
    }

    /** Every slot's price of the year, in order. */
    double[] prices(int year) {
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int slots = (int) (Duration.between(start, start.atZone(ZoneOffset.UTC).plusYears(1)).toMinutes() / 15);
        double[] prices = new double[slots];
        double weather = 0;
        boolean windy = false;
        double heat = 1;
        int heatDaysLeft = 0;
        int day = -1;
        for (int i = 0; i < slots; i++) {
            ZonedDateTime local = start.plus(SLOT.multipliedBy(i)).atZone(ZONE);
            int doy = local.getDayOfYear();
            if (doy != day) {
                day = doy;
                windy = random.nextDouble() < (spring(doy) > 0.5 ? 0.25 : 0.10);
                if (heatDaysLeft > 0) {
                    heatDaysLeft--;
                } else if (summer(doy) > 0.6 && random.nextDouble() < 0.05) {
                    heatDaysLeft = 3 + random.nextInt(5);
                }
                heat = heatDaysLeft > 0 ? 1.4 : 1;
            }
            if (i % SLOTS_PER_HOUR == 0) {
                weather = 0.96 * weather + 0.1 * random.nextGaussian();
            }
            double hour = local.getHour() + local.getMinute() / 60.0;
            double price = level(doy, local) * heat * Math.exp(weather) + daily(doy, hour)
                    + 3 * random.nextGaussian();
            if (windy && (hour < 6 || hour >= 10 && hour < 16)) {
                price = -5 - 25 * random.nextDouble() * (0.5 + spring(doy));
            }
            prices[i] = price;
        }
        addScarcity(prices, year, start);
        return prices;
    }

    /** The day's level before the hours' shape, USD/MWh. */
    private static double level(int doy, ZonedDateTime local) {
        double l = 38 + 12 * summer(doy) + 5 * winter(doy);
        boolean weekend = local.getDayOfWeek().getValue() >= 6;
        return weekend ? 0.85 * l : l;
    }

    /** The hours' shape: night low, the sun's midday dip, the evening peak. */
    private static double daily(int doy, double hour) {
        double night = -8 * bump(hour, 3.5, 3);
        double solarDip = -(10 + 12 * spring(doy) + 6 * summer(doy)) * bump(hour, 13, 2.5);
        double evening = (12 + 25 * summer(doy) + 6 * winter(doy)) * bump(hour, 19, 1.8);
        double morning = 6 * winter(doy) * bump(hour, 7.5, 1.2);
        return night + solarDip + evening + morning;
    }

    /**
     * Scarcity events: short spikes when supply runs short. They are laid over the year after the rest, each a
     * triangle in time rising to its peak and falling back.
     */
    private void addScarcity(double[] prices, int year, Instant start) {
        int events = 26 + random.nextInt(9);
        for (int e = 0; e < events; e++) {
            boolean summerEvent = random.nextDouble() < 0.8;
            int doy = summerEvent ? 152 + random.nextInt(100) : (random.nextBoolean() ? 1 + random.nextInt(45)
                    : 335 + random.nextInt(30));
            double hour = summerEvent ? 14 + 7 * random.nextDouble() : 6 + 3 * random.nextDouble();
            int length = 1 + random.nextInt(12);
            // Pareto tail, alpha 1.1: most a few hundred USD/MWh, a few at the cap
            double peak = Math.min(CAP_USD_PER_MWH, 300 / Math.pow(1 - random.nextDouble(), 1 / 1.1));
            ZonedDateTime at = LocalDate.of(year, 1, 1).plusDays(doy - 1L)
                    .atTime((int) hour, 15 * random.nextInt(4)).atZone(ZONE);
            int first = (int) (Duration.between(start, at.toInstant()).toMinutes() / SLOT.toMinutes());
            for (int k = 0; k < length; k++) {
                int i = first + k;
                if (i >= 0 && i < prices.length) {
                    double shape = 1 - Math.abs(2.0 * (k + 0.5) / length - 1) * 0.6;
                    prices[i] = Math.max(prices[i], peak * shape);
                }
            }
        }
    }

    /** 1 at the end of July, 0 from mid-October to mid-April. */
    private static double summer(int doy) {
        return Math.max(0, Math.cos(2 * Math.PI * (doy - 210) / 365.0) * 1.6 - 0.6);
    }

    /** 1 in mid-January, 0 from March to November. */
    private static double winter(int doy) {
        return Math.max(0, Math.cos(2 * Math.PI * (doy - 15) / 365.0) * 2 - 1);
    }

    /** 1 in mid-April, 0 from mid-January to mid-July. */
    private static double spring(int doy) {
        return Math.max(0, Math.cos(2 * Math.PI * (doy - 105) / 365.0) * 2 - 1);
    }

    /** A smooth bump of height 1 at {@code center} hours, {@code width} hours wide, on the 24-hour circle. */
    private static double bump(double hour, double center, double width) {
        double d = Math.abs(hour - center);
        d = Math.min(d, 24 - d);
        return Math.exp(-d * d / (2 * width * width));
    }
}
