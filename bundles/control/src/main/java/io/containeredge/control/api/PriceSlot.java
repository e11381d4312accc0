package io.containeredge.control.api;

/**
 * One live or forecast energy price as a market publishes it, received from outside (e.g. a signed
 * {@code price.update} over MQTT). A plain value: the controller checks a whole list of them in
 * {@link ControlService#updatePrices}.
 *
 * @param startMillis when the slot starts, epoch milliseconds
 * @param minutes its length: 5 or 15
 * @param usdPerMwh the price over the slot, -1000 to 20000 (negative prices occur)
 */
public record PriceSlot(long startMillis, int minutes, double usdPerMwh) {
}
