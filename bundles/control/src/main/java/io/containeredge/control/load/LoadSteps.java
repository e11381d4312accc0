package io.containeredge.control.load;

import java.time.Duration;

/**
 * The steps a load kind can take to follow its budget, gentlest first.
 *
 * @param minTargetShare lowest power target as a share of rated power; 1 when it takes no power target
 * @param sleep it can be put to sleep and woken
 * @param hardCut its power can be cut (for safety only)
 * @param stepTime how long a step may take before the next, blunter one is used
 */
public record LoadSteps(double minTargetShare, boolean sleep, boolean hardCut, Duration stepTime) {

    /** Whether it takes a power target below its rated power. */
    public boolean powerTarget() {
        return minTargetShare < 1;
    }
}
