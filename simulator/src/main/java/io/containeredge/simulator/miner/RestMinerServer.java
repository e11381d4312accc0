package io.containeredge.simulator.miner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Serves the Braiins OS-style REST API ({@link BraiinsRestApi}) of the miners whose firmware speaks it, each on
 * its own loopback port like the CGMiner-style ones ({@code basePort + i}, or an ephemeral port), with the JDK's
 * HTTP server. One small pool runs every miner's requests, so a group of REST miners costs a few threads.
 *
 * <p>Per miner, as {@link MinerFleetServer}: the listener is open while the miner is reachable (powered and not
 * faulted "unreachable") and closed otherwise, so clients get "connection refused"; it is reopened on the same
 * port. A "hang" miner reads the request and never answers (the client must time out). Bodies over 8 KB are
 * refused with 413.
 */
public final class RestMinerServer implements AutoCloseable {

    private static final int MAX_BODY = 8192;
    private static final int SWEEP_MS = 200;

    private final InetAddress address;
    private final BraiinsRestApi api;
    private final IntPredicate served;
    private final ServedMiners miners;
    private final int[] ports;
    private final HttpServer[] listeners;
    private final ExecutorService requests;
    private final ScheduledExecutorService sweeper;

    /**
     * Binds every served miner at once.
     *
     * @param served whether miner i speaks the REST API (the others are not bound here)
     * @param miners their power and faults, checked every 200 ms
     */
    RestMinerServer(InetAddress address, int basePort, int count, IntPredicate served, BraiinsRestApi api,
            ServedMiners miners) throws IOException {
        ServedMiners.requireLoopback(address);
        this.served = served;
        this.miners = miners;
        this.address = address;
        this.api = api;
        this.ports = new int[count];
        this.listeners = new HttpServer[count];
        this.requests = Executors.newFixedThreadPool(4, daemon("miner-rest-sim"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("miner-rest-sweep"));
        try {
            for (int i = 0; i < count; i++) {
                if (served.test(i)) {
                    ports[i] = basePort == 0 ? 0 : basePort + i;
                    open(i);
                }
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        // a site without REST miners gets no sweeper thread: pools start their threads on first use
        if (IntStream.range(0, count).anyMatch(served)) {
            sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MS, SWEEP_MS, TimeUnit.MILLISECONDS);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Whether miner i is served here. */
    public boolean serves(int miner) {
        return miner < ports.length && served.test(miner);
    }

    /** The port miner i listens on (fixed once bound, also while it is unreachable). */
    public int port(int miner) {
        return ports[miner];
    }

    private void open(int i) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, ports[i]), 64);
        } catch (IOException e) {
            throw new IOException("cannot bind REST miner " + i + " on " + address.getHostAddress() + ":"
                    + (ports[i] == 0 ? "(ephemeral)" : String.valueOf(ports[i])) + ": " + e.getMessage(), e);
        }
        server.setExecutor(requests);
        server.createContext("/", exchange -> handle(i, exchange));
        server.start();
        ports[i] = server.getAddress().getPort();
        listeners[i] = server;
    }

    private void handle(int miner, HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (miners.hangs(miner)) {
            return; // no answer; the connection stays open until the client gives up
        }
        BraiinsRestApi.Answer answer = body.length > MAX_BODY
                ? new BraiinsRestApi.Answer(413, "{\"message\":\"body larger than " + MAX_BODY + " bytes\"}")
                : api.handle(miner, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        new String(body, StandardCharsets.UTF_8));
        byte[] out = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    /** Opens and closes listeners as reachability changes. */
    private synchronized void sweep() {
        miners.sweep(listeners, ports, served, this::open, server -> server.stop(0));
    }

    @Override
    public synchronized void close() {
        sweeper.shutdownNow();
        for (int i = 0; i < listeners.length; i++) {
            if (listeners[i] != null) {
                listeners[i].stop(0);
                listeners[i] = null;
            }
        }
        requests.shutdownNow();
    }
}
