package io.containeredge.site.api;

import java.util.Locale;

/**
 * A class of miner as {@code firmware-config/miners/<id>.yaml} describes it: what it hashes at each power,
 * which power targets its firmware accepts, how long it takes to sleep and wake, and the firmware API it
 * speaks. Loaded and checked by {@link MinerModels}; the loader guarantees that the curve covers
 * {@code minPowerW..maxPowerW} and passes through the nominal point.
 *
 * @param id the file name without {@code .yaml}, what a site's miners section names
 * @param nominalHashrateTh hashrate at nominal power, TH/s
 * @param nominalPowerW power at the factory setting, W: the rated power of these miners on a site
 * @param minPowerW lowest power target the firmware accepts, W
 * @param maxPowerW highest power target the firmware accepts, W (above nominal for a unit that overclocks)
 * @param stepW granularity of the power targets, W
 * @param dialect the id of the firmware dialect it ships with ({@link MinerDialects}), e.g. {@code cgminer}:
 *     what its miners speak unless the site names another for them
 */
public record MinerModel(
        String id,
        String vendor,
        String name,
        Cooling cooling,
        double nominalHashrateTh,
        double nominalPowerW,
        double minPowerW,
        double maxPowerW,
        double stepW,
        MinerCurve curve,
        double sleepSeconds,
        double wakeSeconds,
        String dialect) {

    /** How the unit is cooled. */
    public enum Cooling {
        AIR, IMMERSION, HYDRO;

        /** As the model document writes it. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The CGMiner/LuxOS-style TCP JSON API (summary, sleep/wakeup, power target). */
    public static final String DIALECT_CGMINER = MinerDialect.DEFAULT_ID;

    /** Energy per unit of work at nominal power, J/TH. */
    public double nominalJoulesPerTh() {
        return nominalPowerW / nominalHashrateTh;
    }
}
