package io.containeredge.control.api;

/**
 * One slot of an on-site generation forecast, received from outside (a signed {@code forecast.update} over MQTT,
 * or the site's forecast file). A plain value: the controller checks a whole list in
 * {@link ControlService#updateForecast}.
 *
 * @param startMillis when the slot starts, epoch milliseconds
 * @param minutes its length: 15
 * @param pvKw the generation forecast over the slot, kW, 0 or more
 * @param ambientC the forecast ambient temperature, for the transformer's derating; NaN when not forecast
 */
public record ForecastSlot(long startMillis, int minutes, double pvKw, double ambientC) {
}
