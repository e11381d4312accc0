/**
 * The container simulator: Modbus servers for every device of a site, a physics model behind them,
 * the miner fleet and fault injection; standalone main and in-process handle. Test and demo tool,
 * never part of a site install.
 */
package io.containeredge.simulator;
