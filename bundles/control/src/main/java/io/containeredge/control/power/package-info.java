/**
 * The power guard: keeps the container's import under the transformer rating, the import cap and
 * what the transformer's winding hot spot allows (IEEE C57.91 clause 7 thermal model), using the
 * battery first and curtailing miners for the rest, rate-limited. Also the pure mapping of a battery
 * command onto SunSpec 704 / 124 / 802 point writes with reversion timer and heartbeat, and the PV export
 * limit (the cap on on-site PV that keeps export under the grid connection's limit). Everything
 * here is a pure function of (inputs, config, time, previous state); the writes are carried out by
 * the control loop's actuators. Depends on the loop's readings and configuration, the API's value types
 * and the site model only.
 */
package io.containeredge.control.power;
