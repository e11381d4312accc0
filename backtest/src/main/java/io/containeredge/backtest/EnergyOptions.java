package io.containeredge.backtest;

import io.containeredge.control.replay.SiteEnergy;
import io.containeredge.site.api.PlannerSettings;
import io.containeredge.site.api.SiteConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backtest's options for the site around the miners: battery, PV, export, import cap and the plan's re-plan
 * interval. Each overrides what the site's {@code planner} section (and its limits) says; without either the site is
 * its miners only, as the backtest was before batteries and PV.
 */
final class EnergyOptions {

    /** West Texas: the sample year's market, its sun. */
    static final double DEFAULT_LATITUDE = 31.9;
    static final double DEFAULT_LONGITUDE = -102.1;
    /**
     * Measured (deploy/bench/backtest-storage.sh): a solve takes 75 to 150 ms here, so hourly re-plans cost a year 11
     * to 22 minutes of solving; with the replayed prices and PV known 48 hours ahead a plan re-solved every 4 hours
     * is the same plan (a January and a July week match to the dollar), at a quarter of the time.
     */
    static final Duration DEFAULT_REPLAN = Duration.ofHours(4);
    static final double DEFAULT_START_SOC_PCT = 50;
    private static final Pattern DURATION = Pattern.compile("(\\d+)(m|h)");
    private static final Pattern FIXED = Pattern.compile("fixed:(-?[0-9.]+)");

    private Double batteryKwh;
    private Double batteryKw;
    private Double roundTrip;
    private Double wear;
    private Double pvKw;
    private Double exportKw;
    private PlannerSettings.ExportPrice exportPrice;
    private double exportUsdPerMwh;
    private Double importCapKw;
    private Duration replan = DEFAULT_REPLAN;
    private double latitude = DEFAULT_LATITUDE;
    private double longitude = DEFAULT_LONGITUDE;

    /** Takes one option and its value: false when the option is not one of these. */
    boolean set(String option, String value) {
        switch (option) {
            case "--battery-kwh" -> batteryKwh = number(option, value, 0, 1e6);
            case "--battery-kw" -> batteryKw = number(option, value, 0, 1e6);
            case "--round-trip" -> roundTrip = number(option, value, 0.01, 1);
            case "--wear" -> wear = number(option, value, 0, 1e4);
            case "--pv-kw" -> pvKw = number(option, value, 0, 1e6);
            case "--latitude" -> latitude = number(option, value, -90, 90);
            case "--longitude" -> longitude = number(option, value, -180, 180);
            case "--export-kw" -> exportKw = number(option, value, 0, 1e6);
            case "--export-price" -> exportPrice(value);
            case "--import-cap" -> importCapKw = number(option, value, 1, 1e6);
            case "--replan" -> replan = replan(value);
            default -> {
                return false;
            }
        }
        return true;
    }

    Duration replan() {
        return replan;
    }

    /**
     * The site around the miners: the site's planner section with these options over it, its import cap unless one is
     * given; the battery starts at half charge.
     *
     * @throws IllegalArgumentException a battery size without its power or the other way round, on a site without one
     */
    SiteEnergy energy(SiteConfig site) {
        Optional<PlannerSettings> section = site.planner();
        boolean any = section.isPresent() || batteryKwh != null || batteryKw != null || pvKw != null
                || exportKw != null || exportPrice != null || importCapKw != null;
        if (!any) {
            return SiteEnergy.MINERS_ONLY;
        }
        PlannerSettings base = section.orElse(SiteEnergy.MINERS_ONLY.planner());
        PlannerSettings.Export e = base.export();
        PlannerSettings.Export export = new PlannerSettings.Export(exportKw != null ? exportKw : e.limitKw(),
                exportPrice != null ? exportPrice : e.price(), exportPrice != null ? exportUsdPerMwh : e.usdPerMwh());
        double pv = pvKw != null ? pvKw : base.pvRatedKw();
        PlannerSettings planner = new PlannerSettings(battery(base.battery()), export, pv, Optional.empty(),
                base.firmLoadKw(), replan, base.solveTimeLimit(), base.forecastErrorKw(), base.derating());
        PvSeries series = new PvSeries(pv, latitude, longitude, PvSeries.SEED);
        return new SiteEnergy(planner, importCapKw != null ? importCapKw : site.limits().importCapKw(),
                site.simulation().ambientC(), DEFAULT_START_SOC_PCT, series::kwAt);
    }

    private Optional<PlannerSettings.Storage> battery(Optional<PlannerSettings.Storage> site) {
        if (site.isEmpty() && (batteryKwh == null) != (batteryKw == null)) {
            throw new IllegalArgumentException("--battery-kwh and --battery-kw go together: the site has no battery"
                    + " to take the other from");
        }
        if (batteryKwh != null && batteryKwh == 0 || batteryKw != null && batteryKw == 0) {
            return Optional.empty();
        }
        if (site.isEmpty() && batteryKwh == null) {
            return Optional.empty();
        }
        PlannerSettings.Storage s = site.orElse(new PlannerSettings.Storage(0, PlannerSettings.Storage.DEFAULT_MIN_SOC_PCT,
                PlannerSettings.Storage.DEFAULT_MAX_SOC_PCT, 0, 0, PlannerSettings.Storage.DEFAULT_ROUND_TRIP,
                PlannerSettings.Storage.DEFAULT_WEAR_USD_PER_MWH));
        double kw = batteryKw != null ? batteryKw : 0;
        return Optional.of(new PlannerSettings.Storage(batteryKwh != null ? batteryKwh : s.capacityKwh(),
                s.minSocPct(), s.maxSocPct(), batteryKw != null ? kw : s.maxChargeKw(),
                batteryKw != null ? kw : s.maxDischargeKw(), roundTrip != null ? roundTrip : s.roundTripEfficiency(),
                wear != null ? wear : s.wearUsdPerMwh()));
    }

    private void exportPrice(String value) {
        Matcher fixed = FIXED.matcher(value);
        if (value.equals("zero") || value.equals("market")) {
            exportPrice = PlannerSettings.ExportPrice.valueOf(value.toUpperCase(Locale.ROOT));
        } else if (fixed.matches()) {
            exportPrice = PlannerSettings.ExportPrice.FIXED;
            exportUsdPerMwh = Double.parseDouble(fixed.group(1));
        } else {
            throw new IllegalArgumentException("--export-price " + value + ": zero, fixed:USD_MWh (e.g. fixed:30) or"
                    + " market");
        }
    }

    private static Duration replan(String value) {
        Matcher m = DURATION.matcher(value);
        Duration d = m.matches() ? Duration.ofMinutes(Long.parseLong(m.group(1)) * (m.group(2).equals("h") ? 60 : 1))
                : Duration.ZERO;
        if (d.compareTo(Duration.ofMinutes(15)) < 0 || d.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("--replan " + value + ": minutes or hours from 15m to 24h, e.g. 1h");
        }
        return d;
    }

    private static double number(String option, String value, double min, double max) {
        try {
            double v = Double.parseDouble(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s: a number from %s to %s", option, value,
                plain(min), plain(max)));
    }

    private static String plain(double v) {
        return v % 1 == 0 ? Long.toString((long) v) : Double.toString(v);
    }
}
