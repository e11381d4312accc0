package io.containeredge.control.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.control.api.ForecastSlot;
import io.containeredge.control.economics.EconomicInputs;
import io.containeredge.control.economics.Hashprice;
import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.economics.Tariff;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.PlannerSettings;
import io.containeredge.site.api.PlannerSettings.Derating;
import io.containeredge.site.api.PlannerSettings.Export;
import io.containeredge.site.api.PlannerSettings.ExportPrice;
import io.containeredge.site.api.PlannerSettings.Storage;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The plan's problem built from what the controller knows: 192 quarter hours from now's; each priced by the mean of
 * its 5-minute prices (the tariff where none is published), its generation from the reading now, the forecast, the
 * history or nothing, its cap derated at its ambient (the design ambient where none is known).
 */
class PlanProblemsTest {

    private static final long Q = 15 * 60_000L;
    private static final long T0 = 1_800_000_000_000L;
    private static final double RATING_KW = 2375;

    private final EconomicInputs prices = new EconomicInputs(new Tariff(new EconomicsSettings.Tariff(ZoneOffset.UTC, 45,
            List.of(), 0, Optional.empty())), Hashprice.configured(new EconomicsSettings.Hashprice(0.05, 0.02,
            Duration.ofHours(24))));

    private static PlannerSettings settings(Export export) {
        return new PlannerSettings(Optional.of(new Storage(500, 10, 95, 250, 250, 0.9, 20)), export, 400,
                Optional.empty(), 25, Duration.ofMinutes(5), Duration.ofSeconds(5), 50, Derating.DEFAULT);
    }

    private static PlanProblems.Now now(double pvNowKw, double ambientNowC) {
        return new PlanProblems.Now(T0 + 7 * 60_000, 55, pvNowKw, ambientNowC, 2200, RATING_KW, 0, 0.049, List.of());
    }

    @Test
    void slotsStartAtNowsQuarterHourAndArePricedByTheMeanOfTheirFiveMinutePrices() {
        List<PriceSlots.Slot> live = new ArrayList<>();
        double[] fiveMinute = {30, 60, 90};
        for (int i = 0; i < 3; i++) {
            live.add(new PriceSlots.Slot(T0 + i * 5 * 60_000L, Duration.ofMinutes(5), fiveMinute[i]));
        }
        prices.updatePrices(new PriceSlots(live, T0));
        PlanProblem p = PlanProblems.build(settings(new Export(100, ExportPrice.MARKET, 0)), prices,
                GenerationForecast.NONE, new PvHistory(null), now(Double.NaN, 25));
        assertEquals(PlanProblems.SLOTS, p.slots().size());
        assertEquals(T0, p.slots().get(0).startMillis());
        assertEquals(60, p.slots().get(0).importUsdPerMwh(), 1e-9);
        assertEquals(45, p.slots().get(1).importUsdPerMwh(), 1e-9, "no live price: the tariff");
        assertEquals(60, p.slots().get(0).exportUsdPerMwh(), 1e-9, "the market's live 5-minute prices");
        assertEquals(55, p.socPctNow());
        assertEquals(20, p.storage().minSocPct(), "never below the guard's reserve, whatever the window says");
        assertEquals(25, p.slots().get(5).firmKw());
    }

    @Test
    void generationComesFromTheReadingNowThenTheForecastThenTheHistoryElseNothing() {
        PvHistory history = new PvHistory(null);
        history.add(T0 + 3 * Q - 96 * Q, 70); // yesterday, slot 3's quarter hour
        GenerationForecast forecast = ForecastUpdates.check(List.of(new ForecastSlot(T0 + Q, 15, 200, 35),
                new ForecastSlot(T0 + 2 * Q, 15, 180, Double.NaN)), T0, 400, "test");
        PlanProblem p = PlanProblems.build(settings(Export.NONE), prices, forecast, history, now(123, 25));
        assertEquals(123, p.slots().get(0).pvKw(), "the reading now");
        assertEquals(200, p.slots().get(1).pvKw());
        assertEquals(180, p.slots().get(2).pvKw());
        assertEquals(70, p.slots().get(3).pvKw(), "persistence: the same quarter hour yesterday");
        assertEquals(0, p.slots().get(4).pvKw(), "nothing known: no generation");
        assertEquals(0, p.slots().get(3).exportUsdPerMwh(), "no export contract: export earns nothing");
    }

    @Test
    void theCapIsTheTransformerDeratedAtEachSlotsAmbientAndTheDesignAmbientWhenNoneIsKnown() {
        GenerationForecast forecast = ForecastUpdates.check(List.of(new ForecastSlot(T0 + Q, 15, 0, 42)), T0, 400, "t");
        PlanProblem hot = PlanProblems.build(settings(Export.NONE), prices, forecast, new PvHistory(null), now(0, 25));
        assertEquals(2200, hot.slots().get(0).importCapKw(), 1e-9, "25 degC now: the import cap binds");
        assertEquals(RATING_KW * 0.88, hot.slots().get(1).importCapKw(), 1e-9, "42 degC forecast: 12 % derated");
        PlanProblem unknown = PlanProblems.build(settings(Export.NONE), prices, GenerationForecast.NONE,
                new PvHistory(null), now(0, Double.NaN));
        assertEquals(RATING_KW * 0.9, unknown.slots().get(7).importCapKw(), 1e-9, "no ambient: the 40 degC design day");
    }
}
