/**
 * The loads that can be given or denied power: every {@link io.containeredge.control.load.LoadKind}
 * declares its units, the steps it supports, its value per kW and whether it is firm (served first up to
 * its floor) or flexible. {@link io.containeredge.control.load.LoadBudget} splits the arbiter's budget among
 * them; {@link io.containeredge.control.load.MinerLoad} is the miners' kind. Depends on the control
 * package's decision model, the limit package's cycle and the miner client; internal to the bundle.
 */
package io.containeredge.control.load;
