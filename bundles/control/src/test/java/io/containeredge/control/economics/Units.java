package io.containeredge.control.economics;

import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.MinerCurve;
import io.containeredge.site.api.MinerCurve.Point;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Miner units and economic settings for the tests, with the thresholds their curves give at a hashprice of
 * 0.035 USD/TH/day (no pool fee), worked out in the comments.
 */
final class Units {

    static final double HASHPRICE = 0.035;

    /**
     * An S21-class unit, 3.5 kW: full power pays best below 62.5 USD/MWh, 2,800 W up to 84.6, 1,800 W up to its
     * breakeven of 90.7 (16.07 J/TH at 1,800 W); above that it sleeps.
     */
    static final MinerCurve S21 = new MinerCurve(List.of(new Point(1800, 112), new Point(2800, 170),
            new Point(3500, 200)));
    /**
     * An S19j Pro-class unit at 3.5 kW (29.5 J/TH flat out): full power below 33.9 USD/MWh, 2,700 W up to 43.75,
     * 1,700 W up to its breakeven of 60.0 (24.3 J/TH at 1,700 W).
     */
    static final MinerCurve S19 = new MinerCurve(List.of(new Point(1700, 70), new Point(2700, 100),
            new Point(3500, 118.6)));

    private Units() {
    }

    static UnitModel s21() {
        return new UnitModel("S21", S21, 1800, 3500, 100, 3500);
    }

    static UnitModel s19() {
        return new UnitModel("S19j Pro", S19, 1700, 3500, 100, 3500);
    }

    /** Miners 0-19 S19j Pro, 20-39 S21: the scenario fleet, the least efficient not last by index. */
    static Map<Integer, UnitModel> mixedFleet() {
        Map<Integer, UnitModel> units = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            units.put(i, i < 20 ? s19() : s21());
        }
        return units;
    }

    /** A flat tariff in UTC, this hashprice configured, and the given hold, dwell and hourly maximum. */
    static EconomicsSettings settings(double baseUsdPerMwh, Duration hold, Duration dwell, int maxPerHour) {
        return new EconomicsSettings(tariff(baseUsdPerMwh, List.of(), Optional.empty()),
                new EconomicsSettings.Hashprice(HASHPRICE, 0, Duration.ofHours(24)), hold, dwell, maxPerHour);
    }

    static EconomicsSettings.Tariff tariff(double baseUsdPerMwh, List<EconomicsSettings.TouPeriod> periods,
            Optional<EconomicsSettings.Contract> contract) {
        return new EconomicsSettings.Tariff(ZoneOffset.UTC, baseUsdPerMwh, periods, 12, contract);
    }

    static EconomicInputs inputs(EconomicsSettings settings) {
        return new EconomicInputs(new Tariff(settings.tariff()), Hashprice.configured(settings.hashprice()));
    }
}
