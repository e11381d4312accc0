/**
 * Measured efficiency: each miner's hashrate-vs-power curve learned from what it reports at the power steps it
 * has run at (kept in the gateway's data directory), J/TH per miner and for the fleet, and the underperformers
 * (below their model's curve, or J/TH outliers among their model's units) raised as warnings with their numbers.
 * Each miner's effective curve (learned where it has enough samples) goes to economics, which decides on it.
 */
package io.containeredge.control.efficiency;
