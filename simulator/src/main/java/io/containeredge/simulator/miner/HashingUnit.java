package io.containeredge.simulator.miner;

/**
 * What one simulated miner hashes at each power and which power targets its firmware accepts: a unit of
 * its site's miner model ({@link ModelUnit}), or the simulator's generic unit for a miner of no model
 * ({@link GenericUnit}).
 */
public interface HashingUnit {

    /** Hashboards a unit has; a degraded unit has one of them dead. */
    int BOARDS = 3;

    /** TH/s while hashing at {@code powerW}, also during ramps below the lowest power target. */
    double hashrateThAt(double powerW);

    /** Power at the factory setting, W: what it runs at after a cold boot. */
    double ratedPowerW();

    double minTargetW();

    double maxTargetW();

    /** Hashboards that hash nothing (the devs command reports them dead). */
    int deadBoards();

    /** What the firmware reports as its type. */
    String type();
}
