/**
 * The I/O edge between the control bundle and the miners: it speaks each miner's firmware dialect (the
 * dialect documents of the site bundle say which requests poll, sleep, wake and set a power target, and where
 * the answers hold each value; {@link io.containeredge.control.miner.MinerClient} per transport: tcp-json, the
 * CGMiner-style API, and http-json, e.g. the Braiins OS REST API) to every miner concurrently, keeps a snapshot of what each
 * miner last reported, and carries out commands, recording each outcome. It decides nothing: which
 * miner to curtail or wake is chosen elsewhere (the allocator) and arrives here as
 * {@link io.containeredge.control.api.MinerCommand}s. Depends on the API's value types and the site's
 * dialects only.
 */
package io.containeredge.control.miner;
