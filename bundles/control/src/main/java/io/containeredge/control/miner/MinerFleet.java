package io.containeredge.control.miner;

import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.site.api.MinerDialect;
import io.containeredge.site.api.MinerFleetConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Talks to every miner of the container at once, each in its firmware's dialect (a {@link MinerClient} per
 * dialect): polls their status into an immutable snapshot and carries out commands, recording each outcome.
 *
 * <p>Every request runs on its own thread of a bounded pool and is bounded by the per-miner timeout,
 * so a miner that hangs costs one thread for one timeout and never delays the others. The pool is
 * bounded (at most 32 threads) because 240 threads for 240 sockets would be wasteful on a gateway; with
 * more than 32 miners silent at once, the rest wait their turn.
 */
public final class MinerFleet implements AutoCloseable {

    public static final int MAX_THREADS = 32;
    public static final int RECENT_OUTCOMES = 2000;

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final Map<Integer, MinerEndpoint> endpoints = new LinkedHashMap<>();
    /** One client per dialect the miners speak, by dialect id. */
    private final Map<String, MinerClient> clients = new HashMap<>();
    private final Duration timeout;
    private final ExecutorService pool;
    private final OutcomeLog outcomes = new OutcomeLog(RECENT_OUTCOMES);
    private final Object refreshLock = new Object();
    private volatile List<MinerStatus> statuses;
    private volatile boolean closed;

    /**
     * @param endpoints the miners, with distinct indices
     * @param timeout per poll and per command, all of its requests together: connect + write + read
     */
    public MinerFleet(List<MinerEndpoint> endpoints, Duration timeout) {
        for (MinerEndpoint e : endpoints) {
            if (this.endpoints.putIfAbsent(e.index(), e) != null) {
                throw new IllegalArgumentException("miner index " + e.index() + " appears twice");
            }
        }
        for (MinerEndpoint e : endpoints) {
            clients.computeIfAbsent(e.dialect().id(), id -> clientFor(e.dialect(), timeout));
        }
        this.timeout = timeout;
        this.pool = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_THREADS, endpoints.size())), r -> {
            Thread t = new Thread(r, "miner-io-" + THREAD_NUMBER.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // until the first poll nothing is known: assume every miner draws its rated power
        this.statuses = this.endpoints.values().stream()
                .map(e -> MinerStatus.unreachable(e, "not polled yet", 0)).toList();
    }

    /**
     * One endpoint per miner of the site, at its group's priority, its model's rated power (else the fleet's) and
     * the firmware dialect its group speaks.
     */
    public static List<MinerEndpoint> fromSite(MinerFleetConfig site) {
        List<MinerEndpoint> out = new ArrayList<>(site.count());
        for (int i = 0; i < site.count(); i++) {
            out.add(new MinerEndpoint(i, site.host(), site.basePort() + i, site.ratedPowerWOf(i), site.priorityOf(i),
                    site.dialectOf(i)));
        }
        return out;
    }

    /** The client of a dialect's transport: the one place Java tells transports apart. */
    static MinerClient clientFor(MinerDialect dialect, Duration timeout) {
        return switch (dialect.transport()) {
            case TCP_JSON -> new TcpJsonMinerClient(dialect, timeout);
            case HTTP_JSON -> new HttpJsonMinerClient(dialect, timeout);
        };
    }

    public List<MinerEndpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    /**
     * Polls every miner concurrently (its dialect's status requests) and publishes the new snapshot; blocks
     * until every poll has answered or timed out. Refreshes run one at a time, so a slower earlier one
     * can never overwrite a newer snapshot.
     *
     * @return the new snapshot, in endpoint order
     */
    public List<MinerStatus> refresh() {
        checkOpen();
        synchronized (refreshLock) {
            List<CompletableFuture<MinerStatus>> polls = endpoints.values().stream()
                    .map(e -> CompletableFuture.supplyAsync(() -> poll(e), pool)).toList();
            List<MinerStatus> next = polls.stream().map(CompletableFuture::join).toList();
            statuses = next;
            return next;
        }
    }

    private MinerStatus poll(MinerEndpoint e) {
        if (closed) {
            return MinerStatus.unreachable(e, "not polled: miner fleet closed", System.currentTimeMillis());
        }
        try {
            return clients.get(e.dialect().id()).status(e, System.currentTimeMillis());
        } catch (MinerException ex) {
            return MinerStatus.unreachable(e, ex.getMessage(), System.currentTimeMillis());
        }
    }

    /** The last published snapshot, in endpoint order; immutable, readable from any thread. */
    public List<MinerStatus> statuses() {
        return statuses;
    }

    /** What the fleet draws by the last snapshot; silent miners count at their rated power. */
    public double totalPowerW() {
        return statuses.stream().mapToDouble(MinerStatus::powerW).sum();
    }

    /**
     * Sends the commands, each bounded by the per-miner timeout: commands for different miners run
     * concurrently; commands for the same miner run one after the other in list order (a wake before
     * its power target), so one miner's chain never holds up another miner's.
     *
     * @return completes, never exceptionally, when every command has an outcome; outcomes in command order
     */
    public CompletableFuture<List<CommandOutcome>> execute(List<MinerCommand> commands) {
        checkOpen();
        Map<Integer, CompletableFuture<CommandOutcome>> lastPerMiner = new HashMap<>();
        List<CompletableFuture<CommandOutcome>> running = new ArrayList<>(commands.size());
        for (MinerCommand c : commands) {
            CompletableFuture<CommandOutcome> previous = lastPerMiner.get(c.index());
            CompletableFuture<CommandOutcome> f = previous == null
                    ? CompletableFuture.supplyAsync(() -> run(c), pool)
                    : previous.thenApplyAsync(o -> run(c), pool);
            lastPerMiner.put(c.index(), f);
            running.add(f);
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                .thenApply(v -> running.stream().map(CompletableFuture::join).toList());
    }

    private CommandOutcome run(MinerCommand c) {
        long started = System.currentTimeMillis();
        long t0 = System.nanoTime();
        boolean ok = false;
        String message;
        MinerEndpoint e = endpoints.get(c.index());
        if (e == null) {
            message = "no miner " + c.index() + " in this fleet";
        } else if (closed) {
            message = "not sent: miner fleet closed";
        } else {
            try {
                message = clients.get(e.dialect().id()).execute(e, c);
                ok = true;
            } catch (MinerException ex) {
                message = ex.getMessage();
            }
        }
        CommandOutcome outcome = new CommandOutcome(c, ok, message, started, (System.nanoTime() - t0) / 1_000_000L);
        outcomes.add(outcome);
        return outcome;
    }

    /** The last {@value #RECENT_OUTCOMES} outcomes, oldest first. */
    public List<CommandOutcome> recentOutcomes() {
        return outcomes.snapshot();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("miner fleet is closed");
        }
    }

    /**
     * Stops the pool. Queued requests are not sent (they end at once as failed), so every future
     * completes; requests in flight cannot be interrupted (blocking sockets) but end within the
     * timeout, so this waits at most that long for them.
     */
    @Override
    public void close() {
        closed = true;
        pool.shutdown();
        try {
            pool.awaitTermination(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
