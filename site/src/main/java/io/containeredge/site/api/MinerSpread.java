package io.containeredge.site.api;

/**
 * How the simulated miners of a model differ from their model's curve, as real units do: each unit hashes
 * a fixed share above or below the curve, and a few have a dead hashboard. Only the simulator reads it;
 * miners of no model are the simulator's generic unit and are not spread.
 *
 * @param spreadPct each unit's hashrate is its model's times (1 + u), u drawn uniformly within +-spreadPct %
 * @param seed the draw is deterministic per miner index and this seed
 * @param degradedEvery every n-th miner (indices n-1, 2n-1, ...) has a dead hashboard; 0 = none
 * @param degradedLossPct hashrate a dead hashboard costs, %, at the same power
 */
public record MinerSpread(double spreadPct, long seed, int degradedEvery, double degradedLossPct) {

    public static final MinerSpread DEFAULTS = new MinerSpread(5, 1, 50, 33);

    /** Whether miner {@code index} is one of the degraded units. */
    public boolean degraded(int index) {
        return degradedEvery > 0 && (index + 1) % degradedEvery == 0;
    }
}
