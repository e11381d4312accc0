/**
 * The JSON API over the HTTP whiteboard: the process image (read-only) and the controller (state, alarms,
 * acknowledgements, reset, import cap through ControlService) and its grid services (frequency guard, peak
 * windows and alert, demand-response events with their performance and per-second CSV), built on the HTTP layer
 * ({@code io.containeredge.http.api}). Authentication and roles are the {@code ApiGuard}'s job (the
 * console's security filter), not this bundle's; every servlet here takes the guard as a mandatory
 * reference, so none is registered without it. May depend on the gateway's, control's and the HTTP
 * layer's API packages and the Modbus library's value types.
 */
package io.containeredge.api;
