package io.containeredge.control.economics;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.EconomicsStatus;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The latest economic inputs, and the one place they enter: the request handlers for live prices and
 * hashprice ({@code price.update}, {@code hashprice.update}) call {@link #updatePrices} and
 * {@link #updateHashprice}; the economic limit reads them each cycle. Safe to update from any thread.
 */
public final class EconomicInputs {

    static final String PRICE_FILE_ALARM = "economics.price-file";

    private final Tariff tariff;
    private volatile PriceSlots prices = PriceSlots.NONE;
    /** The plan's value of energy per slot while a plan is followed; NONE otherwise. */
    private volatile PriceSlots planValues = PriceSlots.NONE;
    private volatile Hashprice hashprice;
    private volatile LongFunction<Optional<EnergyPrice>> eventPrices = wall -> Optional.empty();
    private volatile EconomicsStatus.PriceFile priceFile;

    /** @param hashprice the site's configured hashprice, used until one is received */
    public EconomicInputs(Tariff tariff, Hashprice hashprice) {
        this.tariff = tariff;
        this.hashprice = hashprice;
    }

    /** New live or forecast prices: they replace the ones received before. */
    public void updatePrices(PriceSlots slots) {
        prices = slots;
    }

    /** A newly received hashprice. */
    public void updateHashprice(Hashprice received) {
        hashprice = received;
    }

    /**
     * The price of running at a wall-clock time: a grid event's price covering it (OpenADR {@code PRICE}), else the live
     * slot covering it, else the tariff, and why.
     */
    public EnergyPrice energyPrice(long wallMillis) {
        return eventPrices.apply(wallMillis).orElseGet(() -> tariff.priceAt(wallMillis, prices));
    }

    /** From now on a grid event's price, where {@code prices} gives one, comes before the live prices and the tariff. */
    public void followEventPrices(LongFunction<Optional<EnergyPrice>> eventPrices) {
        this.eventPrices = eventPrices;
    }

    /**
     * The price the economic limit decides on: the plan's value of energy where a followed plan covers the time (so
     * each miner's step matches the plan's mining power, energy stored earlier counted in), else
     * {@link #energyPrice}. People and the profit are shown the market's price, never this one.
     */
    public EnergyPrice decisionPrice(long wallMillis) {
        EnergyPrice market = energyPrice(wallMillis);
        Optional<PriceSlots.Slot> planned = planValues.at(wallMillis);
        return planned.map(v -> new EnergyPrice(v.usdPerMwh(), EnergyPrice.Source.PLAN, "the plan's value of energy"
                + " in slot " + PriceSlots.clock(v.startMillis(), tariff.settings().zone()) + ", market "
                + market.describe(), null)).orElse(market);
    }

    /** The plan followed from now on: its value of energy per slot ({@link PriceSlots#NONE} when none is followed). */
    public void followPlan(PriceSlots values) {
        planValues = values;
    }

    /** The tariff, which applies wherever no live price covers the time. */
    public Tariff tariff() {
        return tariff;
    }

    /** The live prices received last. */
    public PriceSlots prices() {
        return prices;
    }

    /** What the local price file's watcher saw last; empty when the site has none. */
    public Optional<EconomicsStatus.PriceFile> priceFile() {
        return Optional.ofNullable(priceFile);
    }

    /** The watcher of the local price file reports each version it took or refused. */
    public void priceFileSeen(EconomicsStatus.PriceFile seen) {
        priceFile = seen;
    }

    /** The alarm a refused version of the price file raises until a good one is written. */
    Optional<AlarmCondition> priceFileAlarm() {
        return priceFile().filter(f -> f.problem() != null).map(f -> new AlarmCondition(PRICE_FILE_ALARM,
                AlarmCondition.Severity.WARNING, EconomicLimit.NAME, "price file " + f.path() + " refused: "
                + f.problem() + "; the prices taken before stay in force", f.slots()));
    }

    /** The latest hashprice, stale or not: it is kept until a newer one comes. */
    public Hashprice hashprice() {
        return hashprice;
    }
}
