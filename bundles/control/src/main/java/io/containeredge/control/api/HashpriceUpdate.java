package io.containeredge.control.api;

/**
 * A hashprice received from outside (e.g. a signed {@code hashprice.update} over MQTT). A plain value: the
 * controller checks it in {@link ControlService#updateHashprice}.
 *
 * @param usdPerThDay what one TH/s of hashrate earns per day before the pool fee, above 0 and at most 10
 * @param poolFee the pool's share, 0 to 0.5
 * @param atMillis when it was published, epoch milliseconds (not in the future): its age makes it stale
 */
public record HashpriceUpdate(double usdPerThDay, double poolFee, long atMillis) {
}
