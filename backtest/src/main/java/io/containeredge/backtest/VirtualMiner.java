package io.containeredge.backtest;

import io.containeredge.control.allocation.MinerAction;
import io.containeredge.control.replay.ReplayFleet;
import io.containeredge.simulator.miner.HashingUnit;
import io.containeredge.simulator.miner.Miner;

/**
 * One miner of the backtest's fleet, in closed form so a replay can skip from step to step: its unit hashes by
 * the simulator's per-unit model ({@link HashingUnit}: its model's curve with the unit's spread, a dead hashboard
 * on a degraded unit). As the simulator's {@link Miner}: it draws its power target while hashing; going to sleep
 * its power falls linearly to {@link Miner#SLEEP_POWER_W} over its sleep time; waking it rises linearly from there
 * to its target over its wake time; a cut socket draws nothing and a restored one boots for
 * {@link Miner#COLD_BOOT_SECONDS} at its rated power. Unlike the simulator, which hashes in proportion during the
 * wake ramp, it hashes only once awake (the controller cannot count on work during a wake-up), and a power target
 * takes effect at once (the simulator ramps at 1 kW/s: a few seconds).
 */
final class VirtualMiner {

    enum State { HASHING, WAKING, GOING_TO_SLEEP, SLEEPING, OFF }

    private final HashingUnit unit;
    private final double sleepSeconds;
    private final double wakeSeconds;
    private State state = State.HASHING;
    private double targetW;
    /** The time (millis) the state was entered, the power then and how long it lasts in seconds (transitions). */
    private long sinceMillis;
    private double fromW;
    private double lastsSeconds;

    /** A miner hashing at its rated power, as the simulator's start. */
    VirtualMiner(HashingUnit unit, double sleepSeconds, double wakeSeconds) {
        this.unit = unit;
        this.sleepSeconds = sleepSeconds;
        this.wakeSeconds = wakeSeconds;
        this.targetW = unit.ratedPowerW();
    }

    State state() {
        return state;
    }

    /** Hashing or waking: what the miner reports as awake. */
    boolean awake() {
        return state == State.HASHING || state == State.WAKING;
    }

    /** When the transition in progress ends; {@link Long#MIN_VALUE} when none is. */
    long settlesAtMillis() {
        return transition() ? sinceMillis + Math.round(lastsSeconds * 1000) : Long.MIN_VALUE;
    }

    /** What it draws at {@code atMillis}, a time since its last action. */
    double powerW(long atMillis) {
        return switch (state) {
            case HASHING -> targetW;
            case SLEEPING -> Miner.SLEEP_POWER_W;
            case OFF -> 0;
            case WAKING, GOING_TO_SLEEP -> fromW + (endW() - fromW) * progress(atMillis);
        };
    }

    /** One of the allocator's actions at {@code nowMillis}, as the miner API and the PDU would carry it out. */
    void apply(MinerAction action, long nowMillis) {
        switch (action.kind()) {
            case SLEEP -> {
                if (awake()) {
                    enter(State.GOING_TO_SLEEP, nowMillis, sleepSeconds);
                }
            }
            case WAKE -> {
                // the controller wakes it and sets its power target: the action's, or the rated power
                setTarget(action.targetW() > 0 ? action.targetW() : unit.ratedPowerW());
                if (state == State.SLEEPING || state == State.GOING_TO_SLEEP) {
                    enter(State.WAKING, nowMillis, wakeSeconds);
                }
            }
            case POWER_TARGET -> setTarget(action.targetW());
            case CUT_POWER -> enter(State.OFF, nowMillis, 0);
            case RESTORE_POWER -> {
                if (state == State.OFF) {
                    targetW = unit.ratedPowerW();
                    enter(State.WAKING, nowMillis, Miner.COLD_BOOT_SECONDS);
                }
            }
        }
    }

    /**
     * Runs on from {@code fromMillis} to {@code toMillis}, finishing a transition that ends in between: what it
     * drew and hashed.
     */
    ReplayFleet.Interval advance(long fromMillis, long toMillis) {
        double wh = 0;
        double th = 0;
        double hashingS = 0;
        long t = fromMillis;
        while (t < toMillis) {
            long segmentEnd = transition() ? Math.min(toMillis, Math.max(t, settlesAtMillis())) : toMillis;
            double seconds = (segmentEnd - t) / 1000.0;
            wh += (powerW(t) + powerW(segmentEnd)) / 2 * seconds / 3600;
            if (state == State.HASHING) {
                th += unit.hashrateThAt(targetW) * seconds;
                hashingS += seconds;
            }
            t = segmentEnd;
            if (transition() && t >= settlesAtMillis()) {
                enter(state == State.WAKING ? State.HASHING : State.SLEEPING, t, 0);
            }
        }
        return new ReplayFleet.Interval(wh, th, hashingS);
    }

    private boolean transition() {
        return state == State.WAKING || state == State.GOING_TO_SLEEP;
    }

    private double endW() {
        return state == State.WAKING ? targetW : Miner.SLEEP_POWER_W;
    }

    private double progress(long atMillis) {
        return lastsSeconds > 0 ? Math.min(1, Math.max(0, (atMillis - sinceMillis) / 1000.0 / lastsSeconds)) : 1;
    }

    /** A target outside the unit's range is refused, as by the firmware: the last one stays. */
    private void setTarget(double watts) {
        if (watts >= unit.minTargetW() && watts <= unit.maxTargetW()) {
            targetW = watts;
        }
    }

    private void enter(State next, long nowMillis, double seconds) {
        fromW = powerW(nowMillis);
        state = next;
        sinceMillis = nowMillis;
        lastsSeconds = seconds;
    }
}
