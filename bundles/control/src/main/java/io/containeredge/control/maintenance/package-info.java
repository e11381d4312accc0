/**
 * Maintenance mode: devices the controller writes nothing to for a while (their readings still count
 * as the worst case for the guards), kept across restarts. Other bundles set and show it through the
 * API's {@code ControlService}; depends on the API's value types only.
 */
package io.containeredge.control.maintenance;
