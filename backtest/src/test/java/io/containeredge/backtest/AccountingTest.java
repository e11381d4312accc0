package io.containeredge.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.replay.Replay;
import io.containeredge.control.replay.ReplayInputs;
import io.containeredge.control.replay.ReplayResult;
import io.containeredge.control.replay.Strategy;
import io.containeredge.site.api.SiteConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The accounting on one S21-class miner (3,500 W, 200 TH/s, 4 s to sleep, 45 s to wake, exactly on its curve) over
 * 15-minute slots at a hashprice of 0.05 USD/TH/day without pool fee: every number worked out by hand.
 */
class AccountingTest {

    static final double HASHPRICE = 0.05;

    /** The one miner over 15-minute slots at these prices, with this hashprice (by time) and pool fee. */
    private static ReplayResult replay(Strategy strategy, Map<Long, Double> hashprice, double poolFee,
            double... usdPerMwh) throws Exception {
        SiteConfig site = Sites.oneS21(true);
        List<PriceSlots.Slot> slots = new ArrayList<>();
        for (int i = 0; i < usdPerMwh.length; i++) {
            slots.add(new PriceSlots.Slot(i * 900_000L, Duration.ofMinutes(15), usdPerMwh[i]));
        }
        ReplayInputs in = new ReplayInputs(slots, new TreeMap<>(hashprice), poolFee);
        return Replay.run(site, strategy, in, new VirtualFleet(site, 0));
    }

    private static ReplayResult replay(Strategy strategy, double... usdPerMwh) throws Exception {
        return replay(strategy, Map.of(0L, HASHPRICE), 0, usdPerMwh);
    }

    @Test
    void alwaysOnDrawsAndHashesAtRatedPowerThroughout() throws Exception {
        ReplayResult r = replay(Strategy.ALWAYS_ON, 40, 100);
        assertEquals(0.5, r.hours(), 1e-12);
        assertEquals(3.5e-3 * 0.5, r.energyMwh(), 1e-12, "3.5 kW for half an hour");
        assertEquals(3.5e-3 * 0.25 * 40 + 3.5e-3 * 0.25 * 100, r.energyCostUsd(), 1e-9);
        assertEquals(200 * HASHPRICE * 1800 / 86_400, r.revenueUsd(), 1e-9, "200 TH/s for 1,800 s");
        assertEquals(r.revenueUsd() - r.energyCostUsd(), r.profitUsd(), 1e-12);
        assertEquals(100, r.uptimePct(), 1e-9);
        assertEquals(0, r.stateChangesPerMinerDay());
    }

    @Test
    void aStrikePriceSleepsTheMinerForTheExpensiveSlotAndWakesItAfter() throws Exception {
        ReplayResult r = replay(Strategy.strike(50), 40, 100, 40);
        // slot 1 hashing; slot 2 asleep from its start: 4 s falling from 3,500 to 25 W, then 25 W; slot 3 waking from
        // its start: 45 s rising from 25 to 3,500 W without hashing, then hashing
        double slot1J = 3500 * 900;
        double slot2J = (3500 + 25) / 2.0 * 4 + 25 * 896;
        double slot3J = (25 + 3500) / 2.0 * 45 + 3500 * 855;
        assertEquals((slot1J + slot2J + slot3J) / 3600 / 1e6, r.energyMwh(), 1e-12);
        assertEquals((slot1J * 40 + slot2J * 100 + slot3J * 40) / 3600 / 1e6, r.energyCostUsd(), 1e-12);
        assertEquals(200 * HASHPRICE * (900 + 855) / 86_400, r.revenueUsd(), 1e-12);
        assertEquals(100 * (900 + 855) / 2700.0, r.uptimePct(), 1e-9, "hashing 1,755 s of 2,700 s");
        assertEquals(2 / (2700 / 86_400.0), r.stateChangesPerMinerDay(), 1e-9, "a sleep and a wake in 2,700 s");
    }

    @Test
    void aHashpriceChangingWithinASlotCountsFromItsTime() throws Exception {
        ReplayResult r = replay(Strategy.ALWAYS_ON, Map.of(0L, HASHPRICE, 450_000L, 2 * HASHPRICE), 0, 40, 40);
        assertEquals(200 * (HASHPRICE * 450 + 2 * HASHPRICE * 1350) / 86_400, r.revenueUsd(), 1e-12);
    }

    @Test
    void thePoolFeeComesOffTheRevenue() throws Exception {
        ReplayResult r = replay(Strategy.ALWAYS_ON, Map.of(0L, HASHPRICE), 0.02, 40, 40);
        assertEquals(200 * HASHPRICE * 0.98 * 1800 / 86_400, r.revenueUsd(), 1e-12);
    }
}
