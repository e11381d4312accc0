package io.containeredge.control.replay;

import io.containeredge.control.allocation.FleetMember;
import io.containeredge.control.allocation.MinerAction;
import java.util.List;

/**
 * The miners a replay decides for: what the controller would read of them, what they do with its actions, and
 * what they really drew and hashed (which may differ from the model curves the decisions use, as real units do).
 */
public interface ReplayFleet {

    /** Every miner as the controller's status requests show it now, not yet valued by economics. */
    List<FleetMember> members();

    /** Carries out one step's actions at {@code nowMillis}, as the miner API and the PDUs would. */
    void apply(List<MinerAction> actions, long nowMillis);

    /** Runs the miners on to {@code toMillis}: what they did since the last call (or the start). */
    Interval advance(long toMillis);

    /** When the last wake-up or going to sleep in progress ends; a time already past when none is. */
    long settlesAtMillis();

    /**
     * What the fleet did over an interval.
     *
     * @param energyWh drawn by all miners, asleep ones too
     * @param hashedTh work done: TH/s times seconds, summed over the miners
     * @param hashingMinerSeconds seconds spent hashing, summed over the miners
     */
    record Interval(double energyWh, double hashedTh, double hashingMinerSeconds) {
    }
}
