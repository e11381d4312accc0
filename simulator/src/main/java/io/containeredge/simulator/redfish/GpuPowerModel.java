package io.containeredge.simulator.redfish;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The power an 8-GPU server draws, as a function of simulated time: its workload's draw, held under a power cap the
 * way a BMC's power capping does it (a first-order settle, about 95 % of a step within 1.5 s). Pure apart from the
 * cap and fault state it is given; it has no thread: the BMC asks it at the time of each request.
 * Thread-safe (BMC requests arrive on several threads).
 */
public final class GpuPowerModel {

    /** Idle draw: fans, CPUs, memory and GPUs at rest. */
    static final double IDLE_FRACTION = 0.15;
    /** The lowest cap the BMC accepts: below it the GPUs cannot run a job at all. */
    static final double MIN_CAP_FRACTION = 0.30;
    static final double CHECKPOINT_FRACTION = 0.35;
    static final long CHECKPOINT_EVERY_MILLIS = 240_000;
    static final long CHECKPOINT_MILLIS = 30_000;
    /** A training swing or a checkpoint edge ramps linearly within this long. */
    static final long RAMP_MILLIS = 800;
    /** Time constant of the cap's settle: 3 tau = 95 % after 1.5 s. */
    static final double SETTLE_TAU_MILLIS = 500;
    private static final double INFERENCE_LOW = 0.35;
    private static final double INFERENCE_HIGH = 0.80;
    private static final double INFERENCE_NOISE = 0.03;

    private final double ratedW;
    private final long seed;
    private final double swingPct;
    private final long swingPeriodMillis;
    private final long epochStartMillis;
    private final ZoneId zone;
    /** Where this server's job swings and checkpoints: servers of one job in step, separate jobs not. */
    private final long phaseMillis;
    private GpuWorkload workload;
    private boolean ignoreCap;
    private double capW = Double.NaN;
    private double capFromW;
    private long capSetAtMillis;

    /**
     * A server running a job of its own: its swings and checkpoints fall where its seed puts them.
     *
     * @param swingPct how far a training job drops from full power between swings, in % of rated
     * @param epochStartMillis wall-clock time at simulated time 0 (the inference curve follows the local hour)
     */
    public GpuPowerModel(double ratedW, long seed, GpuWorkload workload, double swingPct, long swingPeriodMillis,
            long epochStartMillis, ZoneId zone) {
        this(ratedW, seed, seed, workload, swingPct, swingPeriodMillis, epochStartMillis, zone);
    }

    /**
     * A server running one job with others: servers of the same {@code jobSeed} swing and checkpoint in step, as the
     * GPUs of one distributed training job do (the grid sees their sum swing).
     */
    public GpuPowerModel(double ratedW, long seed, long jobSeed, GpuWorkload workload, double swingPct,
            long swingPeriodMillis, long epochStartMillis, ZoneId zone) {
        if (!(ratedW > 0) || !(swingPct >= 0 && swingPct <= 100) || swingPeriodMillis <= 0) {
            throw new IllegalArgumentException("rated W > 0, swing 0..100 % and a positive swing period needed");
        }
        this.ratedW = ratedW;
        this.seed = seed;
        this.workload = workload;
        this.swingPct = swingPct;
        this.swingPeriodMillis = swingPeriodMillis;
        this.epochStartMillis = epochStartMillis;
        this.zone = zone;
        this.phaseMillis = Math.floorMod(mix(jobSeed, -1), CHECKPOINT_EVERY_MILLIS);
    }

    public double ratedW() {
        return ratedW;
    }

    public double minCapW() {
        return ratedW * MIN_CAP_FRACTION;
    }

    /** What the server draws at simulated time {@code t}. */
    public synchronized double drawW(long t) {
        double w = workloadW(t);
        return ignoreCap || Double.isNaN(capW) ? w : Math.min(w, settledCapW(t));
    }

    /** The cap written last, NaN when none is set. */
    public synchronized double capW() {
        return capW;
    }

    /** Sets a cap (NaN lifts it); the draw moves towards it from where it is now. Range checks are the BMC's. */
    public synchronized void setCap(double watts, long t) {
        capFromW = drawW(t);
        capSetAtMillis = t;
        capW = watts;
    }

    public synchronized void setWorkload(GpuWorkload w) {
        workload = w;
    }

    public synchronized GpuWorkload workload() {
        return workload;
    }

    /** A faulty server (firmware, a stuck power-capping loop) draws its workload's power whatever the cap. */
    public synchronized void setIgnoreCap(boolean ignore) {
        ignoreCap = ignore;
    }

    private double settledCapW(long t) {
        double decay = Math.exp(-Math.max(0, t - capSetAtMillis) / SETTLE_TAU_MILLIS);
        return capW + (capFromW - capW) * decay;
    }

    /** The workload's draw before any cap: what a capped server runs at once its cap is lifted or above it. */
    public synchronized double workloadW(long t) {
        return ratedW * switch (workload) {
            case IDLE -> IDLE_FRACTION;
            case INFERENCE -> inferenceFraction(t);
            case TRAINING -> trainingFraction(t);
        };
    }

    /** Lowest before dawn (04:00), highest in the afternoon (16:00), plus noise that changes smoothly each second. */
    private double inferenceFraction(long t) {
        ZonedDateTime local = Instant.ofEpochMilli(epochStartMillis + t).atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        double day = 0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - 4) / 24);
        long second = Math.floorDiv(t, 1000);
        double within = Math.floorMod(t, 1000) / 1000.0;
        double noise = noise(second) * (1 - within) + noise(second + 1) * within;
        return INFERENCE_LOW + (INFERENCE_HIGH - INFERENCE_LOW) * day + INFERENCE_NOISE * noise;
    }

    private double trainingFraction(long t) {
        long start = segmentStart(t);
        double level = trainingLevel(t);
        long into = t - start;
        if (into >= RAMP_MILLIS || start <= 0) {
            return level;
        }
        double before = trainingLevel(start - 1);
        return before + (level - before) * into / RAMP_MILLIS;
    }

    private double trainingLevel(long t) {
        if (inCheckpoint(t)) {
            return CHECKPOINT_FRACTION;
        }
        long swing = Math.floorDiv(t + phaseMillis, swingPeriodMillis);
        return swing % 2 == 0 ? 1.0 : 1.0 - swingPct / 100;
    }

    private boolean inCheckpoint(long t) {
        return Math.floorMod(t + phaseMillis, CHECKPOINT_EVERY_MILLIS) >= CHECKPOINT_EVERY_MILLIS - CHECKPOINT_MILLIS;
    }

    /** When the current level began: the last swing edge or checkpoint edge at or before t. */
    private long segmentStart(long t) {
        long shifted = t + phaseMillis;
        long swingEdge = Math.floorDiv(shifted, swingPeriodMillis) * swingPeriodMillis;
        long cycle = Math.floorDiv(shifted, CHECKPOINT_EVERY_MILLIS) * CHECKPOINT_EVERY_MILLIS;
        long pauseStart = cycle + CHECKPOINT_EVERY_MILLIS - CHECKPOINT_MILLIS;
        long checkpointEdge = shifted >= pauseStart ? pauseStart : cycle;
        return Math.max(swingEdge, checkpointEdge) - phaseMillis;
    }

    /** Deterministic noise in -1..1 for one second of one server. */
    private double noise(long second) {
        return (Math.floorMod(mix(seed, second), 2001) - 1000) / 1000.0;
    }

    private static long mix(long seed, long n) {
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
