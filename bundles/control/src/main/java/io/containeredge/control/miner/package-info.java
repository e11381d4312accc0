/**
 * The I/O edge between the control bundle and the miners: it speaks the CGMiner-style JSON API
 * (summary, sleep, wakeup, powertarget) to every miner concurrently, keeps a snapshot of what each
 * miner last reported, and carries out commands, recording each outcome. It decides nothing: which
 * miner to curtail or wake is chosen elsewhere (the allocator) and arrives here as
 * {@link io.containeredge.control.miner.MinerCommand}s. Exported because the control loop's public
 * fleet interface speaks in these types.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.containeredge.control.miner;
