package io.containeredge.backtest;

import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.replay.Replay;
import io.containeredge.control.replay.ReplayInputs;
import io.containeredge.control.replay.ReplayResult;
import io.containeredge.control.replay.SiteEnergy;
import io.containeredge.control.replay.Strategy;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.simulator.SimulatorMain;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.stream.IntStream;

/**
 * {@code backtest}: replays a price series and a hashprice over a site's fleet with the controller's decision code
 * ({@link Replay}) and prints what it adds up to.
 * <pre>
 *   --site FILE|demo          the site whose miners and control settings are replayed (default: the demo site)
 *   --prices CSV              timestamp,usd_per_mwh in slots of 5 or 15 minutes, without a gap
 *   --hashprice CSV|NUMBER    USD per TH/s per day: one number, or timestamp,usd_per_th_day as a step function
 *   --strategy S              value | strike:USD_MWh | always-on | rule-battery | plan
 *   --pool-fee F              the pool's share, 0 to 0.5 (default: the site's economics section's, else 0)
 *   --battery-kwh N --battery-kw N [--round-trip R] [--wear USD_MWh]   a battery (default: the site's planner's)
 *   --pv-kw N [--latitude D] [--longitude D]   a PV plant ({@link PvSeries}; default: the planner's pvRatedKw)
 *   --export-kw N --export-price zero|fixed:USD_MWh|market   selling back (default: the planner's export)
 *   --import-cap N            kW (default: the site's limits)
 *   --replan 15m..24h         how often the plan strategy re-plans (default 4h)
 *   --json                    one JSON object instead of the text report
 * </pre>
 * The miners' energy is priced at the site's meter ({@link SiteEnergy}): with a battery, PV or export the energy cost
 * is the import's, plus the export earnings and the battery's wear.
 */
final class BacktestCommand {

    static final String DEMO = "demo";

    private BacktestCommand() {
    }

    /** @return the process exit code: 0, 2 for a usage or input error, 1 when a file cannot be read */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options o = Options.parse(args);
            if (o.help()) {
                out.println(usage());
                return 0;
            }
            SiteConfig site = site(o.site());
            SiteEnergy energy = o.energy().energy(site);
            List<PriceSlots.Slot> prices = PriceSeries.read(Path.of(o.prices()));
            NavigableMap<Long, Double> hashprice = HashpriceSeries.parse(o.hashprice());
            double poolFee = o.poolFee() != null ? o.poolFee()
                    : site.economics().map(e -> e.hashprice().poolFee()).orElse(0.0);
            ReplayInputs inputs = new ReplayInputs(prices, hashprice, poolFee);
            long started = System.nanoTime();
            ReplayResult result = Replay.run(site, o.strategy(), inputs,
                    new VirtualFleet(site, inputs.startMillis()), energy, slot -> { });
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            Report report = new Report(site, o, inputs, energy, result, wallSeconds);
            out.println(o.json() ? report.json() : report.text());
            return 0;
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("error: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e);
            return 1;
        }
    }

    /** The site to replay: a file, or the built-in demo site. */
    static SiteConfig site(String arg) throws ConfigException {
        SiteConfig site = arg.equals(DEMO) ? SiteDocuments.loadBuiltIn("demo-container").config()
                : SiteDocuments.load(Path.of(arg), new ConfigSource(SimulatorMain.configDir(Path.of(arg)))).config();
        return withModels(site, arg.equals(DEMO) ? "demo (built in)" : arg);
    }

    /**
     * The site, if it names a model for its miners: without one there is no curve to run or price them by.
     *
     * @throws IllegalArgumentException saying so
     */
    static SiteConfig withModels(SiteConfig site, String name) {
        boolean anyModel = IntStream.range(0, site.miners().count())
                .anyMatch(i -> site.miners().modelOf(i).isPresent());
        if (!anyModel) {
            throw new IllegalArgumentException("site " + name + " names no miner model: the backtest runs each"
                    + " miner by its model's curve (firmware-config/miners); name the models in the site's miners"
                    + " section, or use a site that does, e.g. --site firmware-config/sites/mixed-container.yaml");
        }
        return site;
    }

    static String usage() {
        return "usage: backtest [--site FILE|demo] --prices CSV --hashprice CSV|USD_PER_TH_DAY"
                + " --strategy value|strike:USD_MWh|always-on|rule-battery|plan [--pool-fee F] [--json]\n"
                + "  [--battery-kwh N --battery-kw N [--round-trip R] [--wear USD_MWh]] [--pv-kw N [--latitude D]"
                + " [--longitude D]]\n"
                + "  [--export-kw N] [--export-price zero|fixed:USD_MWh|market] [--import-cap KW] [--replan 4h]\n"
                + "  prices CSV: timestamp,usd_per_mwh (ISO 8601 with offset or epoch seconds; slots of 5 or 15 min)\n"
                + "  hashprice CSV: timestamp,usd_per_th_day (a step function)";
    }

    /** The command line, checked. */
    record Options(String site, String prices, String hashprice, Strategy strategy, Double poolFee, boolean json,
            boolean help, EnergyOptions energy) {

        static Options parse(String[] args) {
            String site = DEMO;
            String prices = null;
            String hashprice = null;
            Strategy strategy = null;
            Double poolFee = null;
            boolean json = false;
            EnergyOptions energy = new EnergyOptions();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    return new Options(site, prices, hashprice, strategy, poolFee, json, true, energy);
                }
                if (a.equals("--json")) {
                    json = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--site" -> site = v;
                    case "--prices" -> prices = v;
                    case "--hashprice" -> hashprice = v;
                    case "--strategy" -> strategy = Strategy.parse(v);
                    case "--pool-fee" -> poolFee = poolFee(v);
                    default -> {
                        if (!energy.set(a, v)) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                    }
                }
            }
            if (prices == null || hashprice == null || strategy == null) {
                throw new IllegalArgumentException("--prices, --hashprice and --strategy are required");
            }
            return new Options(site, prices, hashprice, strategy, poolFee, json, false, energy);
        }

        private static double poolFee(String v) {
            try {
                double fee = Double.parseDouble(v);
                if (fee >= 0 && fee <= 0.5) {
                    return fee;
                }
            } catch (NumberFormatException e) {
                // named below
            }
            throw new IllegalArgumentException("--pool-fee " + v + ": a share from 0 to 0.5, e.g. 0.02");
        }
    }

    /** For the report: the hold time the value strategy used. */
    static String holdTime(SiteConfig site) {
        return site.economics().map(EconomicsSettings::holdTime).orElse(EconomicsSettings.DEFAULT_HOLD_TIME)
                .toMinutes() + " min";
    }
}
