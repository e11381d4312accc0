/**
 * Miners on the CGMiner-style JSON API (summary, stats, devs, sleep, wakeup, power target), all
 * served from one selector thread.
 */
package io.containeredge.simulator.miner;
