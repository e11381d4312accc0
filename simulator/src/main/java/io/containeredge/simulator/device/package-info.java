/**
 * Simulated devices' register tables, built from the same profiles the gateway reads, encoded with
 * the gateway's codec.
 */
package io.containeredge.simulator.device;
