package io.containeredge.control.economics;

/**
 * The latest economic inputs, and the one place they enter: the request handlers for live prices and
 * hashprice ({@code price.update}, {@code hashprice.update}) call {@link #updatePrices} and
 * {@link #updateHashprice}; the economic limit reads them each cycle. Safe to update from any thread.
 */
public final class EconomicInputs {

    private final Tariff tariff;
    private volatile PriceSlots prices = PriceSlots.NONE;
    private volatile Hashprice hashprice;

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

    /** The price of running at a wall-clock time: the live slot covering it, else the tariff, and why. */
    public EnergyPrice energyPrice(long wallMillis) {
        return tariff.priceAt(wallMillis, prices);
    }

    /** The latest hashprice, stale or not: it is kept until a newer one comes. */
    public Hashprice hashprice() {
        return hashprice;
    }
}
