/**
 * The I/O edge between the control bundle and the miners: it speaks the CGMiner-style JSON API
 * (summary, sleep, wakeup, powertarget) to every miner concurrently, keeps a snapshot of what each
 * miner last reported, and carries out commands, recording each outcome. It decides nothing: which
 * miner to curtail or wake is chosen elsewhere (the allocator) and arrives here as
 * {@link io.containeredge.control.api.MinerCommand}s. Depends on the API's value types only.
 */
package io.containeredge.control.miner;
