package io.containeredge.control.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containeredge.control.economics.EnergyPrice.Source;
import io.containeredge.site.api.EconomicsSettings.Contract;
import io.containeredge.site.api.EconomicsSettings.TouPeriod;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Time-of-use periods, live slots used only within their slot, and a fixed contract with and without resale. */
class TariffTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Weekdays 14:00-20:00 local: peak. */
    static final TouPeriod PEAK = new TouPeriod("peak", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 14 * 60,
            20 * 60, 120);
    static final Duration FIVE = Duration.ofMinutes(5);

    private static long chicago(int day, int hour, int minute) {
        // July 2026: the 15th is a Wednesday, the 18th a Saturday
        return LocalDateTime.of(2026, 7, day, hour, minute).atZone(CHICAGO).toInstant().toEpochMilli();
    }

    private static Tariff tariff(Optional<Contract> contract) {
        return new Tariff(new io.containeredge.site.api.EconomicsSettings.Tariff(CHICAGO, 45, List.of(PEAK), 12,
                contract));
    }

    @Test
    void periodsApplyByLocalTimeAndWeekdayAndTheBasePriceElsewhere() {
        Tariff t = tariff(Optional.empty());
        assertEquals(120, t.priceAt(chicago(15, 14, 0), PriceSlots.NONE).usdPerMwh(), "Wednesday 14:00: peak");
        assertEquals(120, t.priceAt(chicago(15, 19, 59), PriceSlots.NONE).usdPerMwh());
        assertEquals(45, t.priceAt(chicago(15, 20, 0), PriceSlots.NONE).usdPerMwh(), "20:00 is past the peak");
        assertEquals(45, t.priceAt(chicago(18, 15, 0), PriceSlots.NONE).usdPerMwh(), "Saturday: no peak");
        EnergyPrice p = t.priceAt(chicago(15, 15, 0), PriceSlots.NONE);
        assertEquals(Source.TARIFF, p.source());
        assertEquals("120 USD/MWh (tariff peak; no live price received)", p.describe());
    }

    @Test
    void aLiveSlotIsUsedOnlyWithinItsSlotThenTheTariffWithTheReason() {
        Tariff t = tariff(Optional.empty());
        long start = chicago(15, 14, 0);
        PriceSlots live = new PriceSlots(List.of(new PriceSlots.Slot(start, FIVE, 300),
                new PriceSlots.Slot(start + FIVE.toMillis(), FIVE, 280)), start);
        EnergyPrice now = t.priceAt(start + 60_000, live);
        assertEquals(300, now.usdPerMwh());
        assertEquals(Source.LIVE, now.source());
        assertNull(now.fallback());
        assertEquals(280, t.priceAt(start + FIVE.toMillis(), live).usdPerMwh(), "the next slot from its start");
        EnergyPrice past = t.priceAt(start + 2 * FIVE.toMillis(), live);
        assertEquals(120, past.usdPerMwh(), "past the last slot: the tariff, never the last live price");
        assertEquals(Source.TARIFF, past.source());
        assertEquals("live prices ended at 14:10", past.fallback());
        assertEquals("live prices start at 14:00", t.priceAt(start - 1, live).fallback());
    }

    @Test
    void aGapBetweenSlotsFallsBackToTheTariff() {
        long start = chicago(15, 9, 0);
        PriceSlots live = new PriceSlots(List.of(new PriceSlots.Slot(start, FIVE, 30),
                new PriceSlots.Slot(start + 3 * FIVE.toMillis(), FIVE, 31)), start);
        EnergyPrice gap = tariff(Optional.empty()).priceAt(start + FIVE.toMillis(), live);
        assertEquals(45, gap.usdPerMwh());
        assertEquals("no live price slot for 09:05", gap.fallback());
    }

    @Test
    void slotsAreFiveOrFifteenMinutesAndDoNotOverlap() {
        assertThrows(IllegalArgumentException.class, () -> new PriceSlots.Slot(0, Duration.ofMinutes(10), 1));
        assertThrows(IllegalArgumentException.class, () -> new PriceSlots(List.of(new PriceSlots.Slot(0, FIVE, 1),
                new PriceSlots.Slot(60_000, FIVE, 2)), 0));
        assertThrows(IllegalArgumentException.class, () -> new PriceSlots.Slot(0, FIVE, Double.NaN));
    }

    /** Wednesday 15:00-15:05 local: a scarcity price of 3,000 USD/MWh. */
    static final long SPIKE_START = chicago(15, 15, 0);
    static final PriceSlots SPIKE = new PriceSlots(List.of(new PriceSlots.Slot(SPIKE_START, FIVE, 3000)), SPIKE_START);

    @Test
    void aFixedContractCostsItsPriceWhateverTheMarketDoes() {
        EnergyPrice p = tariff(Optional.of(new Contract(40, false))).priceAt(SPIKE_START, SPIKE);
        assertEquals(40, p.usdPerMwh());
        assertEquals(Source.CONTRACT, p.source());
        assertNull(p.fallback(), "no live price is expected under a fixed contract");
    }

    @Test
    void withResaleRunningCostsTheMarketPriceTheEnergyWouldSellFor() {
        Tariff t = tariff(Optional.of(new Contract(40, true)));
        EnergyPrice p = t.priceAt(SPIKE_START, SPIKE);
        assertEquals(3000, p.usdPerMwh(), "curtailing earns the market price");
        assertEquals(Source.LIVE, p.source());
        assertEquals("3000 USD/MWh (live slot 15:00, market price: energy not used is resold)", p.describe());
        EnergyPrice stale = t.priceAt(SPIKE_START + FIVE.toMillis(), SPIKE);
        assertEquals(120, stale.usdPerMwh(), "no live market price: the tariff stands for it");
        assertEquals(Source.TARIFF, stale.source());
    }
}
