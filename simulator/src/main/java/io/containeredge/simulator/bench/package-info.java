/**
 * Benchmarks of the gateway's poll path against the simulator.
 */
package io.containeredge.simulator.bench;
