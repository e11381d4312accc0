package io.containeredge.simulator.miner;

/**
 * One miner as a state machine on simulated time; what it hashes at each power and the power targets it
 * accepts are its {@link HashingUnit}'s (its model's curve, or the generic unit). Pure: no I/O; the
 * container model steps it and the API server reads it, both under the model's lock.
 *
 * <pre>
 *  HASHING --sleep--> GOING_TO_SLEEP (sleepSeconds, power ramps down) --> SLEEPING (25 W)
 *  SLEEPING --wakeup--> WAKING (wakeSeconds, power ramps up to the target) --> HASHING
 *  any --socket off--> OFF (0 W, API unreachable) --socket on--> BOOTING (60 s) --> HASHING
 *  HASHING/WAKING --inlet &gt;= 45 degC--> OVERHEAT (25 W) --inlet &lt; 40 degC--> WAKING
 * </pre>
 * A power-cycled miner comes back hashing whatever it was told before (curtailment state is not kept
 * across a cold boot), which is why cutting PDU sockets is the blunt fallback.
 */
public final class Miner {

    public enum State { HASHING, GOING_TO_SLEEP, SLEEPING, WAKING, BOOTING, OVERHEAT, OFF }

    public static final double SLEEP_POWER_W = 25;
    public static final double BOOT_POWER_W = 120;
    public static final double COLD_BOOT_SECONDS = 60;
    public static final double SHUTDOWN_INLET_C = 45;
    public static final double RESTART_INLET_C = 40;
    /** Power ramps at 1 kW/s when the target changes while hashing (frequency steps in firmware). */
    static final double TARGET_RAMP_W_S = 1000;

    private final int index;
    private final HashingUnit unit;
    private final double ratedPowerW;
    private final double sleepSeconds;
    private final double wakeSeconds;
    private final double tempOffsetC;
    private State state = State.HASHING;
    private double stateElapsedS;
    private double transitionFromW;
    private double powerW;
    private double targetW;
    private double inletC;
    private double outletC;
    private double uptimeS;
    private double hashedTh;
    private final HashrateWindow lastMinute = new HashrateWindow();
    private boolean overheatReported;
    private boolean wantAwake = true;

    /** @param tempOffsetC this unit's fixed sensor offset (manufacturing spread), from the seeded Random */
    public Miner(int index, HashingUnit unit, double sleepSeconds, double wakeSeconds, double tempOffsetC) {
        this.index = index;
        this.unit = unit;
        this.ratedPowerW = unit.ratedPowerW();
        this.sleepSeconds = sleepSeconds;
        this.wakeSeconds = wakeSeconds;
        this.tempOffsetC = tempOffsetC;
        this.targetW = ratedPowerW;
        this.powerW = ratedPowerW;
    }

    /**
     * Advances by dt seconds.
     *
     * @param powered whether its PDU socket is on
     * @param inletC coolant supply temperature
     * @param outletRiseC coolant rise across this miner at its present power
     */
    public void step(double dt, boolean powered, double inletC, double outletRiseC) {
        this.inletC = inletC + tempOffsetC;
        if (!powered) {
            enter(State.OFF);
        } else if (state == State.OFF) {
            enter(State.BOOTING);
        }
        stateElapsedS += dt;
        uptimeS = state == State.OFF ? 0 : uptimeS + dt;
        if (this.inletC >= SHUTDOWN_INLET_C && (state == State.HASHING || state == State.WAKING
                || state == State.BOOTING || state == State.GOING_TO_SLEEP)) {
            enter(State.OVERHEAT);
            overheatReported = true;
        }
        switch (state) {
            case HASHING -> powerW += Math.max(-TARGET_RAMP_W_S * dt, Math.min(TARGET_RAMP_W_S * dt, targetW - powerW));
            case GOING_TO_SLEEP -> {
                powerW = lerp(transitionFromW, SLEEP_POWER_W, progress(stateElapsedS, sleepSeconds));
                if (stateElapsedS >= sleepSeconds) {
                    enter(State.SLEEPING);
                }
            }
            case WAKING -> {
                powerW = lerp(transitionFromW, targetW, progress(stateElapsedS, wakeSeconds));
                if (stateElapsedS >= wakeSeconds) {
                    enter(State.HASHING);
                }
            }
            case BOOTING -> {
                powerW = stateElapsedS < COLD_BOOT_SECONDS - wakeSeconds ? BOOT_POWER_W
                        : lerp(BOOT_POWER_W, targetW, progress(stateElapsedS - COLD_BOOT_SECONDS + wakeSeconds, wakeSeconds));
                if (stateElapsedS >= COLD_BOOT_SECONDS) {
                    enter(State.HASHING);
                }
            }
            case OVERHEAT -> {
                powerW = SLEEP_POWER_W;
                if (this.inletC < RESTART_INLET_C) {
                    enter(wantAwake ? State.WAKING : State.SLEEPING);
                }
            }
            case SLEEPING -> powerW = SLEEP_POWER_W;
            case OFF -> powerW = 0;
            default -> throw new IllegalStateException(state.name());
        }
        outletC = this.inletC + outletRiseC;
        hashedTh += hashrateThs() * dt;
        lastMinute.add(hashrateThs(), dt);
    }

    private void enter(State next) {
        if (state == next) {
            return;
        }
        if (next == State.BOOTING) {
            targetW = ratedPowerW;
            wantAwake = true;
        }
        if (next == State.OFF) {
            hashedTh = 0;
            overheatReported = false;
        }
        state = next;
        stateElapsedS = 0;
        transitionFromW = powerW;
    }

    private static double progress(double elapsed, double duration) {
        return duration > 0 ? elapsed / duration : 1;
    }

    private static double lerp(double from, double to, double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        return from + (to - from) * f;
    }

    /** "sleep": ignored (true) when already asleep or going to sleep; false when unreachable. */
    public boolean sleep() {
        wantAwake = false;
        if (state == State.HASHING || state == State.WAKING || state == State.BOOTING) {
            enter(State.GOING_TO_SLEEP);
        }
        return state != State.OFF;
    }

    /** "wakeup": starts waking from sleep or a sleep in progress. */
    public boolean wakeup() {
        wantAwake = true;
        if (state == State.SLEEPING || state == State.GOING_TO_SLEEP) {
            enter(State.WAKING);
        }
        return state != State.OFF;
    }

    /** Lowest and highest accepted power target, W: its unit's. */
    public double minTargetW() {
        return unit.minTargetW();
    }

    public double maxTargetW() {
        return unit.maxTargetW();
    }

    /** @return false if out of range (nothing changes) */
    public boolean setPowerTarget(double watts) {
        if (!(watts >= minTargetW() && watts <= maxTargetW())) {
            return false;
        }
        targetW = watts;
        return true;
    }

    public double hashrateThs() {
        if (state != State.HASHING && state != State.WAKING && state != State.BOOTING || powerW <= BOOT_POWER_W) {
            return 0;
        }
        return unit.hashrateThAt(powerW);
    }

    /** Average hashrate since (cold) boot, TH/s. */
    public double averageHashrateThs() {
        return uptimeS > 0 ? hashedTh / uptimeS : 0;
    }

    /** Hashrate averaged over the last minute, TH/s. */
    public double lastMinuteHashrateThs() {
        return lastMinute.averageThs();
    }

    /** Hottest chip: coolant outlet plus the chip-to-fluid rise at the present load. */
    public double chipTempC() {
        return state == State.OFF ? inletC : outletC + 20 * powerW / ratedPowerW;
    }

    public double boardTempC() {
        return state == State.OFF ? inletC : outletC + 8 * powerW / ratedPowerW;
    }

    public int index() {
        return index;
    }

    public State state() {
        return state;
    }

    public double powerW() {
        return powerW;
    }

    public double targetW() {
        return targetW;
    }

    public double ratedPowerW() {
        return ratedPowerW;
    }

    public HashingUnit unit() {
        return unit;
    }

    public double inletC() {
        return inletC;
    }

    public double outletC() {
        return outletC;
    }

    public double uptimeS() {
        return uptimeS;
    }

    /** True once it has shut down for overheating since the last cold boot. */
    public boolean overheatReported() {
        return overheatReported;
    }

    public boolean reachable() {
        return state != State.OFF;
    }
}
