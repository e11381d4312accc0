/**
 * The thermal guard: trips, warns and holds the miners at a safe level from the coolant readings, and
 * asks the CDU for more cooling. A pure function of (inputs, config, time, previous state); depends on
 * the loop's readings and configuration, the API's value types and the site model only.
 */
package io.containeredge.control.thermal;
