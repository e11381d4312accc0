package io.containeredge.control.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.EconomicsStatus;
import io.containeredge.control.api.EconomicsStatus.ModelEconomics;
import io.containeredge.control.api.EconomicsStatus.PriceAhead;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.miner.MinerMode;
import io.containeredge.control.miner.MinerStatus;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.EconomicsSettings.TouPeriod;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The economics status as built from the economic limit's decision: the mixed fleet of {@link Units} (20 S19j Pro,
 * 20 S21) at a live price of 70 USD/MWh over a tariff of 30 USD/MWh with a 17:00-21:00 peak of 120.
 */
class EconomicsStatusTest {

    /** 08:00 UTC on a Friday. */
    static final long WALL = EconomicLimitTest.WALL;
    static final long MINUTE = 60_000;
    static final long SLOT_END = WALL + 15 * MINUTE;

    private final EconomicsSettings settings = new EconomicsSettings(Units.tariff(30, List.of(new TouPeriod("peak",
            EnumSet.allOf(DayOfWeek.class), 17 * 60, 21 * 60, 120)), Optional.empty()),
            new EconomicsSettings.Hashprice(Units.HASHPRICE, 0, Duration.ofHours(24)), Duration.ZERO, Duration.ZERO, 4);
    private final EconomicInputs inputs = Units.inputs(settings);
    private final EconomicLimit limit = new EconomicLimit(settings, Units.mixedFleet(), inputs);
    private final EconomicsReport report = new EconomicsReport(limit);

    /**
     * Miner 0 (S19j Pro) asleep at 25 W, miner 20 (S21) at 2,800 W hashing 170 TH/s, miners 1 (S19j Pro) and 21
     * (S21) not answering, and no answer from the others either: only four are polled.
     */
    private static final List<MinerStatus> MINERS = List.of(
            new MinerStatus(0, true, MinerMode.SLEEPING, 25, 0, 0, 40, WALL, null),
            new MinerStatus(1, false, MinerMode.UNKNOWN, 3500, 3500, 0, Double.NaN, WALL, "timeout"),
            new MinerStatus(20, true, MinerMode.AWAKE, 2800, 2800, 170, 70, WALL, null),
            new MinerStatus(21, false, MinerMode.UNKNOWN, 3500, 3500, 0, Double.NaN, WALL, "timeout"));

    private Verdict cycleAt(long wall) {
        Verdict v = limit.evaluate(EconomicLimitTest.IN, new Cycle(null, Map.of(), wall, wall)).get(0);
        report.update(MINERS);
        return v;
    }

    private EconomicsStatus statusAfterTheSlotBegan() {
        inputs.updatePrices(new PriceSlots(List.of(new PriceSlots.Slot(WALL, Duration.ofMinutes(15), 70)), WALL));
        cycleAt(WALL + MINUTE);
        return report.latest().orElseThrow();
    }

    @Test
    void nothingIsShownBeforeTheLimitHasDecided() {
        report.update(MINERS);
        assertEquals(Optional.empty(), report.latest());
    }

    @Test
    void thePriceNowIsTheLiveSlotsAndTheHashpriceTheConfiguredOne() {
        EconomicsStatus s = statusAfterTheSlotBegan();
        assertEquals(new EconomicsStatus.Price(70, "LIVE", "live slot 08:00", null), s.priceNow());
        assertEquals(new EconomicsStatus.HashpriceNow(0.035, 0, 0.035, "CONFIGURED", 0, 0, 24 * 3600, false),
                s.hashprice());
        assertNull(s.priceFile(), "the site names no price file");
    }

    @Test
    void thePricesAheadAreTheLiveSlotThenTheTariffsPeriodsFor24Hours() {
        long peak = WALL + 9 * 60 * MINUTE;
        long peakEnd = WALL + 13 * 60 * MINUTE;
        assertEquals(List.of(new PriceAhead(WALL + MINUTE, SLOT_END, 70, "LIVE"),
                new PriceAhead(SLOT_END, peak, 30, "TARIFF"), new PriceAhead(peak, peakEnd, 120, "TARIFF"),
                new PriceAhead(peakEnd, WALL + MINUTE + Duration.ofHours(24).toMillis(), 30, "TARIFF")),
                statusAfterTheSlotBegan().ahead());
    }

    @Test
    void eachModelHasItsBreakevenAndWhatEconomicsDoesWithItsUnits() {
        EconomicsStatus s = statusAfterTheSlotBegan();
        // at 70 USD/MWh the S19s (breakeven 60.0) sleep, the S21s (breakeven 90.7) run at 2,800 W
        assertEquals(List.of("S19j Pro", "S21"), s.models().stream().map(ModelEconomics::model).toList());
        ModelEconomics s19 = s.models().get(0);
        assertEquals(60.0, s19.breakevenUsdPerMwh(), 0.05);
        assertEquals(List.of(20, 20, 0), List.of(s19.units(), s19.asleep(), s19.lowered()));
        ModelEconomics s21 = s.models().get(1);
        assertEquals(90.7, s21.breakevenUsdPerMwh(), 0.05);
        assertEquals(List.of(20, 0, 20), List.of(s21.units(), s21.asleep(), s21.lowered()));
        assertEquals(limit.state().limitKw(), s.limitKw());
        assertEquals(160 - 14 - 70, s.limitKw(), 1e-9, "the rated 160 kW less 20 x 0.7 and 20 x 3.5 kW");
        assertTrue(s.reason().startsWith("price 70 USD/MWh > breakeven 60 USD/MWh for S19j Pro units: 20 units asleep"),
                s.reason());
    }

    @Test
    void theProfitNowCountsWhatMinersReportedAndTheModelForThoseThatDidNotAnswer() {
        EconomicsStatus.Profit p = statusAfterTheSlotBegan().profit();
        // miner 0 asleep: 25 W at 70 USD/MWh; miner 20 reported 170 TH/s at 2,800 W; miner 21 (S21, planned at
        // 2,800 W) counted at its curve there, 170 TH/s; miner 1 (S19, planned asleep) costs and earns nothing
        double s21At2800 = 170 * 0.035 / 24 - 2800 / 1e6 * 70;
        assertEquals(-25 / 1e6 * 70 + 2 * s21At2800, p.usdPerHour(), 1e-9);
        assertEquals(2, p.reportedMiners());
        assertEquals(2, p.modelMiners());
        assertEquals("reported by 2 miners; model curve at the planned step for 2 not answering", p.basis());
    }

    @Test
    void todaysProfitIsIntegratedFromTheFirstCycleAndRestartsAtLocalMidnight() {
        EconomicsStatus first = statusAfterTheSlotBegan();
        assertEquals(0, first.profit().usdToday());
        assertEquals(WALL + MINUTE, first.profit().todaySinceMillis(), "since the gateway's start: after midnight");
        cycleAt(WALL + 31 * MINUTE);
        EconomicsStatus later = report.latest().orElseThrow();
        assertEquals(first.profit().usdPerHour() / 60 * ProfitToday.MAX_GAP_MILLIS / MINUTE, later.profit().usdToday(),
                1e-9, "a gap of 30 min counts as one minute at the last rate: a paused gateway is not guessed");
        assertFalse(later.profit().usdPerHour() == first.profit().usdPerHour(), "past the slot the tariff's 30 applies");

        long midnight = WALL + 16 * 60 * MINUTE;
        cycleAt(midnight - MINUTE);
        cycleAt(midnight + MINUTE);
        EconomicsStatus tomorrow = report.latest().orElseThrow();
        assertEquals(midnight, tomorrow.profit().todaySinceMillis());
        assertEquals(tomorrow.profit().usdPerHour() / 60, tomorrow.profit().usdToday(), 1e-9,
                "the minute since midnight at the rate of the cycle before it");
    }
}
