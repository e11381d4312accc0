package io.containeredge.control.scenario;

import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.control.miner.MinerMode;
import io.containeredge.control.miner.MinerStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Miners as the loop's fleet: each takes a power target, goes to sleep or wakes a set time after the command
 * (at once by default; or says it sleeps at the command while its draw falls over the sleep time), and draws its
 * target or what its work demands, the lower. A stubborn miner ignores
 * sleep commands; with {@link #ignoreSleepAndWake} every miner does.
 */
public final class VirtualFleet implements ControlLoop.Fleet {

    /** A sleeping miner's draw: its control board and fans. */
    static final double ASLEEP_W = 25;

    /** A command the loop sent, and the virtual time it was sent at. */
    public record Sent(MinerCommand command, long atMillis) {
    }

    /** A power target the miner takes at a time. */
    private record Target(double watts, long atMillis) {
    }

    /** One miner: its mode and target change when the virtual clock reaches the time a command takes effect. */
    public static final class Miner {
        private boolean awake = true;
        private long modeChangesAt = Long.MAX_VALUE;
        private boolean awakeAfterChange;
        private double targetW;
        /** Going to sleep gradually: from what it drew at the command, down to {@link #ASLEEP_W} at fallUntil. */
        private long fallFrom;
        private long fallUntil;
        private double fallFromW;
        private final Deque<Target> targets = new ArrayDeque<>();
        double demandW;
        boolean stubborn;

        Miner(double ratedW) {
            this.targetW = ratedW;
            this.demandW = ratedW;
        }

        boolean awake(long now) {
            if (now >= modeChangesAt) {
                awake = awakeAfterChange;
                modeChangesAt = Long.MAX_VALUE;
            }
            return awake;
        }

        double targetW(long now) {
            while (!targets.isEmpty() && now >= targets.peekFirst().atMillis()) {
                targetW = targets.removeFirst().watts();
            }
            return targetW;
        }

        double powerW(long now) {
            if (awake(now)) {
                return Math.min(targetW(now), demandW);
            }
            return now < fallUntil ? ASLEEP_W + (fallFromW - ASLEEP_W) * (fallUntil - now) / (fallUntil - fallFrom)
                    : ASLEEP_W;
        }

        /** Says it sleeps from {@code now}; its draw falls evenly until {@code until}. */
        void fallAsleep(long now, long until) {
            if (!awake(now)) {
                return; // asleep or on its way: a repeated command changes nothing
            }
            fallFromW = powerW(now);
            fallFrom = now;
            fallUntil = until;
            set(false);
        }

        void changeTo(boolean toAwake, long at) {
            awakeAfterChange = toAwake;
            modeChangesAt = at;
        }

        /** Goes to sleep (or wakes) now, whatever it was told: a reboot, a firmware hiccup. */
        void set(boolean toAwake) {
            awake = toAwake;
            modeChangesAt = Long.MAX_VALUE;
        }
    }

    private final Map<Integer, MinerEndpoint> endpoints = new TreeMap<>();
    private final Map<Integer, Miner> miners = new TreeMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final LongSupplier now;
    private final double minerRatedKw;
    private final double ratedKw;
    private final long sleepMillis;
    private final long wakeMillis;
    private final long targetMillis;
    private final boolean gradualSleep;
    boolean ignoreSleepAndWake;

    VirtualFleet(int count, IntToDoubleFunction ratedKwOf, Container.Delays delays, LongSupplier now) {
        this.now = now;
        this.minerRatedKw = IntStream.range(0, count).mapToDouble(ratedKwOf).max().orElse(0);
        this.ratedKw = IntStream.range(0, count).mapToDouble(ratedKwOf).sum();
        this.sleepMillis = delays.sleepMillis();
        this.wakeMillis = delays.wakeMillis();
        this.targetMillis = delays.targetMillis();
        this.gradualSleep = delays.gradualSleep();
        for (int i = 0; i < count; i++) {
            endpoints.put(i, new MinerEndpoint(i, "127.0.0.1", 14100 + i, ratedKwOf.applyAsDouble(i) * 1000));
            miners.put(i, new Miner(ratedKwOf.applyAsDouble(i) * 1000));
        }
    }

    public Miner miner(int index) {
        return miners.get(index);
    }

    public int size() {
        return miners.size();
    }

    /** What one miner draws at full power: the largest one where their ratings differ. */
    public double minerRatedKw() {
        return minerRatedKw;
    }

    /** What every miner together draws at full power. */
    public double ratedKw() {
        return ratedKw;
    }

    /** The fleet's work demands this much: each miner draws its share at most, whatever its target. */
    void demandKw(double kw) {
        miners.values().forEach(m -> m.demandW = kw * 1000 / miners.size());
    }

    /** Every command sent so far, in order. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public Map<Integer, MinerEndpoint> endpoints() {
        return endpoints;
    }

    @Override
    public List<MinerStatus> statuses() {
        long t = now.getAsLong();
        List<MinerStatus> all = new ArrayList<>();
        miners.forEach((i, m) -> all.add(new MinerStatus(i, true, m.awake(t) ? MinerMode.AWAKE : MinerMode.SLEEPING,
                m.powerW(t), m.targetW(t), 0, Double.NaN, t, null)));
        return all;
    }

    @Override
    public CompletableFuture<List<CommandOutcome>> execute(List<MinerCommand> commands) {
        long t = now.getAsLong();
        List<CommandOutcome> outcomes = new ArrayList<>();
        for (MinerCommand c : commands) {
            sent.add(new Sent(c, t));
            Miner m = miners.get(c.index());
            switch (c.kind()) {
                case POWER_TARGET -> m.targets.addLast(new Target(c.targetW(), t + targetMillis));
                case SLEEP -> {
                    if (!ignoreSleepAndWake && !m.stubborn) {
                        if (gradualSleep) {
                            m.fallAsleep(t, t + sleepMillis);
                        } else {
                            m.changeTo(false, t + sleepMillis);
                        }
                    }
                }
                case WAKE -> {
                    if (!ignoreSleepAndWake) {
                        m.changeTo(true, t + wakeMillis);
                    }
                }
            }
            outcomes.add(new CommandOutcome(c, true, "ok", t, 1));
        }
        return CompletableFuture.completedFuture(outcomes);
    }
}
