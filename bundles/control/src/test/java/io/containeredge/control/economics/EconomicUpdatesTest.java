package io.containeredge.control.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.HashpriceUpdate;
import io.containeredge.control.api.PriceSlot;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.limit.Cycle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Live prices and hashprices from outside: checked once, refused whole with a reason that names what is wrong, and
 * nothing changes; an accepted update is what the economic limit prices with.
 */
class EconomicUpdatesTest {

    /** 08:00 UTC. */
    private static final long WALL = EconomicLimitTest.WALL;
    private static final long MIN = Duration.ofMinutes(1).toMillis();

    private final EconomicInputs inputs = Units.inputs(Units.settings(40, Duration.ZERO, Duration.ZERO, 4));
    private final EconomicUpdates updates = new EconomicUpdates(Optional.of(inputs));

    /** {@code n} contiguous 15-minute slots from 08:00 at 112 USD/MWh. */
    private static List<PriceSlot> quarterHours(int n) {
        List<PriceSlot> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            slots.add(new PriceSlot(WALL + i * 15 * MIN, 15, 112));
        }
        return slots;
    }

    private static List<PriceSlot> replaced(List<PriceSlot> slots, int index, PriceSlot slot) {
        List<PriceSlot> copy = new ArrayList<>(slots);
        copy.set(index, slot);
        return copy;
    }

    /** Refused with a reason containing {@code expected}, and the inputs as they were. */
    private void refused(String expected, Executable update) {
        EnergyPrice priceBefore = inputs.energyPrice(WALL);
        Hashprice hashpriceBefore = inputs.hashprice();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, update);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(priceBefore, inputs.energyPrice(WALL), "nothing changes");
        assertEquals(hashpriceBefore, inputs.hashprice(), "nothing changes");
    }

    @Test
    void anAcceptedPriceUpdateIsWhatTheEconomicLimitPricesWith() {
        Map<Integer, UnitModel> fleet = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            fleet.put(i, EconomicLimitTest.s21At15JPerTh());
        }
        EconomicLimit limit = new EconomicLimit(Units.settings(40, Duration.ZERO, Duration.ZERO, 4), fleet, inputs);

        updates.prices(quarterHours(4), WALL);
        Verdict v = limit.evaluate(EconomicLimitTest.IN, new Cycle(null, Map.of(), WALL + 20 * MIN, 0)).get(0);

        assertTrue(v.reason().startsWith("price 112 USD/MWh > breakeven 97 USD/MWh for S21 units: 40 units asleep"),
                v.reason());
        assertTrue(v.reason().contains("(live slot 08:15)"), v.reason());
    }

    @Test
    void anAcceptedHashpriceIsHeldAsReceivedWithTheSitesValidity() {
        updates.hashprice(new HashpriceUpdate(0.05, 0.02, WALL - MIN), WALL);

        assertEquals(Hashprice.received(0.05, 0.02, WALL - MIN, Duration.ofHours(24)), inputs.hashprice());
    }

    @Test
    void aHoleIsRefusedNamingTheSlot() {
        List<PriceSlot> slots = replaced(quarterHours(4), 2, new PriceSlot(WALL + 35 * MIN, 15, 112));

        refused("hole before price slot 2: slot 1 ends at", () -> updates.prices(slots, WALL));
    }

    @Test
    void anOverlapIsRefusedNamingTheSlot() {
        List<PriceSlot> slots = replaced(quarterHours(4), 3, new PriceSlot(WALL + 40 * MIN, 15, 112));

        refused("price slot 3 overlaps slot 2", () -> updates.prices(slots, WALL));
    }

    @Test
    void slotsOutOfOrderAreRefused() {
        List<PriceSlot> slots = replaced(quarterHours(3), 1, new PriceSlot(WALL - 15 * MIN, 15, 112));

        refused("price slot 1 starts at", () -> updates.prices(slots, WALL));
    }

    @Test
    void aSlotOfAnotherLengthIsRefused() {
        refused("price slot 0 is 30 minutes long: a slot is 5 or 15 minutes",
                () -> updates.prices(List.of(new PriceSlot(WALL, 30, 112)), WALL));
        refused("price slot 1 is 5 minutes long, slot 0 15: all slots are of one length", () -> updates.prices(
                replaced(quarterHours(2), 1, new PriceSlot(WALL + 15 * MIN, 5, 112)), WALL));
    }

    @Test
    void aPriceOutOfTheSitesRangeOrNotANumberIsRefused() {
        refused("price slot 1 has 20001.0 USD/MWh: a price is -1000 to 20000 USD/MWh", () -> updates.prices(
                replaced(quarterHours(2), 1, new PriceSlot(WALL + 15 * MIN, 15, 20001)), WALL));
        refused("price slot 0 has -1000.5 USD/MWh",
                () -> updates.prices(List.of(new PriceSlot(WALL, 15, -1000.5)), WALL));
        refused("price slot 0 has NaN USD/MWh",
                () -> updates.prices(List.of(new PriceSlot(WALL, 15, Double.NaN)), WALL));
    }

    @Test
    void negativeAndScarcityPricesWithinTheRangeAreTaken() {
        updates.prices(List.of(new PriceSlot(WALL, 5, -1000), new PriceSlot(WALL + 5 * MIN, 5, 20000)), WALL);

        assertEquals(-1000, inputs.energyPrice(WALL).usdPerMwh());
        assertEquals(20000, inputs.energyPrice(WALL + 5 * MIN).usdPerMwh());
    }

    @Test
    void tooFarAheadTooManyNoneOrAllEndedIsRefused() {
        refused("more than 48 h ahead", () -> updates.prices(quarterHours(193), WALL));
        refused("601 price slots: at most 600", () -> updates.prices(quarterHours(601), WALL - 24 * 60 * MIN));
        refused("no price slots", () -> updates.prices(List.of(), WALL));
        refused("every price slot has ended", () -> updates.prices(quarterHours(4), WALL + 60 * MIN));
    }

    @Test
    void aHashpriceFromTheFutureOrOutOfRangeIsRefused() {
        refused("in the future", () -> updates.hashprice(new HashpriceUpdate(0.05, 0.02, WALL + 2 * MIN), WALL));
        refused("hashprice 0.0 USD/TH/day: it is above 0 and at most 10",
                () -> updates.hashprice(new HashpriceUpdate(0, 0.02, WALL), WALL));
        refused("hashprice 11.0", () -> updates.hashprice(new HashpriceUpdate(11, 0.02, WALL), WALL));
        refused("pool fee 0.6: it is 0 to 0.5", () -> updates.hashprice(new HashpriceUpdate(0.05, 0.6, WALL), WALL));
        refused("pool fee NaN", () -> updates.hashprice(new HashpriceUpdate(0.05, Double.NaN, WALL), WALL));
    }

    @Test
    void aRefusedUpdateLeavesThePricesReceivedBeforeInForce() {
        updates.prices(quarterHours(4), WALL);

        refused("hole before price slot 1", () -> updates.prices(List.of(new PriceSlot(WALL, 15, 300),
                new PriceSlot(WALL + 30 * MIN, 15, 300)), WALL));
        assertEquals(112, inputs.energyPrice(WALL).usdPerMwh());
    }

    @Test
    void withoutAnEconomicsSectionUpdatesAreRefused() {
        EconomicUpdates none = new EconomicUpdates(Optional.empty());

        IllegalArgumentException prices = assertThrows(IllegalArgumentException.class,
                () -> none.prices(quarterHours(1), WALL));
        IllegalArgumentException hashprice = assertThrows(IllegalArgumentException.class,
                () -> none.hashprice(new HashpriceUpdate(0.05, 0.02, WALL), WALL));
        assertEquals("the site has no economics section: live prices are not taken (add an economics section to the"
                + " site configuration)", prices.getMessage());
        assertTrue(hashprice.getMessage().startsWith("the site has no economics section: a hashprice is not taken"),
                hashprice.getMessage());
    }
}
