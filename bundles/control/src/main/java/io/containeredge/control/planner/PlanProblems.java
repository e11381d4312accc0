package io.containeredge.control.planner;

import io.containeredge.control.economics.EconomicInputs;
import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.power.BatteryLimits;
import io.containeredge.control.slots.SlotSearch;
import io.containeredge.site.api.PlannerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Builds the plan's linear program from what the controller knows now: 48 hours of 15-minute slots from the current
 * quarter hour, each with its import and export price, forecast generation, firm load and import cap. Pure: the same
 * inputs give the same problem.
 *
 * <p>Where an input is missing it is given its careful value: a price slot the market did not publish is priced by
 * the tariff; a quarter hour with no forecast and no history has no generation; an ambient that is neither forecast
 * nor read is the design ambient (a hot day), so the transformer is derated as on one.
 */
public final class PlanProblems {

    public static final Duration SLOT = Duration.ofMinutes(15);
    public static final int SLOTS = 192;
    /** The ambient assumed where none is forecast or read: the power guard's design ambient. */
    public static final double DESIGN_AMBIENT_C = 40;
    private static final long SLOT_MILLIS = SLOT.toMillis();
    private static final long PRICE_STEP_MILLIS = Duration.ofMinutes(5).toMillis();

    private PlanProblems() {
    }

    /**
     * What the controller measures and holds now, besides the prices and the forecast.
     *
     * @param socPct the battery's state of charge (ignored without a battery)
     * @param pvNowKw the generation read now, NaN when not good: the current slot's generation when good
     * @param ambientNowC the ambient read now, NaN when not good
     * @param importCapKw the import cap in force (the site's, or a commanded override)
     * @param transformerRatingKw the transformer's rating in kW at the assumed power factor
     * @param peakImportSoFarKw the month's peak import so far: the demand charge is paid on raising it
     * @param netUsdPerThDay the hashprice net of the pool fee
     * @param units the priced miners, one curve each
     */
    public record Now(long wallMillis, double socPct, double pvNowKw, double ambientNowC, double importCapKw,
            double transformerRatingKw, double peakImportSoFarKw, double netUsdPerThDay, Collection<UnitModel> units) {
    }

    /**
     * The slot of a plan's or problem's slots (quarter hours in time order) that covers a wall-clock time, if any:
     * asked every control cycle, so a binary search ({@link SlotSearch}).
     */
    public static <T> Optional<T> slotAt(List<T> slots, ToLongFunction<T> start, long wallMillis) {
        return SlotSearch.covering(slots, wallMillis, start, s -> start.applyAsLong(s) + SLOT_MILLIS);
    }

    public static PlanProblem build(PlannerSettings settings, EconomicInputs prices, GenerationForecast forecast,
            PvHistory history, Now now) {
        long first = Math.floorDiv(now.wallMillis(), SLOT_MILLIS) * SLOT_MILLIS;
        double ambientNow = Double.isFinite(now.ambientNowC()) ? now.ambientNowC() : DESIGN_AMBIENT_C;
        ValueCurve curve = ValueCurve.of(now.units(), now.netUsdPerThDay());
        List<PlanSlotInput> slots = new ArrayList<>(SLOTS);
        for (int i = 0; i < SLOTS; i++) {
            long start = first + i * SLOT_MILLIS;
            Optional<GenerationForecast.Slot> f = forecast.at(start);
            double pv = i == 0 && Double.isFinite(now.pvNowKw()) ? now.pvNowKw() : pvKw(forecast, history, start);
            double ambient = f.map(GenerationForecast.Slot::ambientC).filter(Double::isFinite).orElse(ambientNow);
            double importPrice = importPrice(prices, start);
            double cap = Math.min(now.importCapKw(), now.transformerRatingKw() * settings.derating().factorAt(ambient));
            slots.add(new PlanSlotInput(start, importPrice, exportPrice(settings, prices, start),
                    Math.max(0, pv), settings.firmLoadKw(), cap, curve.maxKw()));
        }
        StorageModel storage = storage(settings);
        return new PlanProblem(slots, SLOT, now.socPct(), storage, curve, settings.export().limitKw(),
                prices.tariff().settings().demandChargeUsdPerKwMonth(), now.peakImportSoFarKw(),
                storedValue(slots, storage));
    }

    /**
     * The generation expected at a wall-clock time: the received forecast, else the persistence forecast, else none
     * (the careful value).
     */
    public static double pvKw(GenerationForecast forecast, PvHistory history, long wallMillis) {
        return forecast.at(wallMillis).map(GenerationForecast.Slot::pvKw)
                .or(() -> history.forecastAt(wallMillis)).orElse(0.0);
    }

    /** The slot's import price: the mean of the prices of its three 5-minute parts (live where published). */
    private static double importPrice(EconomicInputs prices, long start) {
        return mean(start, t -> prices.energyPrice(t).usdPerMwh());
    }

    /**
     * Export at the market earns the mean of the slot's live 5-minute prices where published, else what importing
     * costs then (under a fixed contract without resale that is the contract's price: no better market is known).
     */
    private static double exportPrice(PlannerSettings settings, EconomicInputs prices, long start) {
        return switch (settings.export().price()) {
            case ZERO -> 0;
            case FIXED -> settings.export().usdPerMwh();
            case MARKET -> mean(start, t -> prices.prices().at(t).map(PriceSlots.Slot::usdPerMwh)
                    .orElseGet(() -> prices.energyPrice(t).usdPerMwh()));
        };
    }

    private static double mean(long start, LongToDoubleFunction priceAt) {
        double sum = 0;
        for (long t = start; t < start + SLOT_MILLIS; t += PRICE_STEP_MILLIS) {
            sum += priceAt.applyAsDouble(t);
        }
        return sum / (SLOT_MILLIS / PRICE_STEP_MILLIS);
    }

    /**
     * What a MWh left in the battery at the horizon's end is worth: the horizon's mean import price, as much as it
     * would displace once discharged (one-way efficiency), wear aside, so that with flat prices keeping the energy
     * beats selling it for a cent over wear. Never negative.
     */
    static double storedValue(List<PlanSlotInput> slots, StorageModel storage) {
        if (!storage.present()) {
            return 0;
        }
        double mean = slots.stream().mapToDouble(PlanSlotInput::importUsdPerMwh).average().orElse(0);
        return Math.max(0, mean * storage.oneWayEfficiency());
    }

    /** The battery as the plan may use it: never below the power guard's reserve, whatever the window says. */
    static StorageModel storage(PlannerSettings settings) {
        return settings.battery().map(b -> new StorageModel(b.capacityKwh(),
                Math.max(b.minSocPct(), BatteryLimits.RESERVE_PCT), b.maxSocPct(), b.maxChargeKw(), b.maxDischargeKw(),
                b.roundTripEfficiency(), b.wearUsdPerMwh())).orElse(StorageModel.NONE);
    }
}
