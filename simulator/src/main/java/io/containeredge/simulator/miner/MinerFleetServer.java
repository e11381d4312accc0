package io.containeredge.simulator.miner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.IntPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Serves the CGMiner-style API of every miner of the fleet that speaks it, each on its own loopback port, from
 * ONE selector thread: 240 miners must not cost 240 threads.
 *
 * <p>Per miner: a listener is open while the miner is reachable (powered, and not faulted
 * "unreachable"); when it is not, the listener is closed, so clients get "connection refused", and it
 * is reopened on the same port when the miner comes back. A "hang" miner accepts and reads but never
 * answers (the client must time out). Power and faults come from the {@link ServedMiners} both servers share. Requests larger than 8 KB or left incomplete for 30 s are
 * dropped.
 */
public final class MinerFleetServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MinerFleetServer.class.getName());
    private static final int MAX_REQUEST = 8192;
    private static final long IDLE_MS = 30_000;

    private final InetAddress address;
    private final MinerApi api;
    private final IntPredicate served;
    private final ServedMiners miners;
    private final int[] ports;
    private final ServerSocketChannel[] listeners;
    private final Selector selector;
    private final Thread thread;
    private volatile boolean closed;

    /** One client connection: request bytes in, response bytes out. */
    private static final class Conn {
        final int miner;
        final long opened = System.currentTimeMillis();
        ByteBuffer in = ByteBuffer.allocate(512);
        ByteBuffer out;

        Conn(int miner) {
            this.miner = miner;
        }
    }

    /**
     * Binds the miners that speak the CGMiner-style API at once ({@code basePort + i}, or ephemeral ports if
     * basePort is 0); the others (a REST firmware's) are left to their server.
     *
     * @param served whether miner i speaks this API
     * @param miners their power and faults, checked every 200 ms
     */
    MinerFleetServer(InetAddress address, int basePort, int count, IntPredicate served, MinerApi api,
            ServedMiners miners) throws IOException {
        ServedMiners.requireLoopback(address);
        this.served = served;
        this.miners = miners;
        this.address = address;
        this.api = api;
        this.ports = new int[count];
        this.listeners = new ServerSocketChannel[count];
        this.selector = Selector.open();
        try {
            for (int i = 0; i < count; i++) {
                if (served.test(i)) {
                    ports[i] = basePort == 0 ? 0 : basePort + i;
                    open(i);
                }
            }
        } catch (IOException e) {
            closeAll();
            int failed = IntStream.range(0, count).filter(i -> served.test(i) && listeners[i] == null).findFirst()
                    .orElse(0);
            throw new IOException("cannot bind miner " + failed + " on " + address.getHostAddress() + ":"
                    + (basePort == 0 ? "(ephemeral)" : String.valueOf(basePort + failed)) + ": " + e.getMessage(), e);
        }
        thread = new Thread(this::loop, "miner-fleet-sim");
        thread.setDaemon(true);
    }

    public MinerFleetServer start() {
        thread.start();
        return this;
    }

    public int count() {
        return ports.length;
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
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(new InetSocketAddress(address, ports[i]), 64);
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_ACCEPT, i);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        ports[i] = ((InetSocketAddress) ch.getLocalAddress()).getPort();
        listeners[i] = ch;
    }

    private void loop() {
        long lastSweep = 0;
        while (!closed) {
            try {
                selector.select(200);
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    handle(key);
                }
                long now = System.currentTimeMillis();
                if (now - lastSweep >= 200) {
                    lastSweep = now;
                    sweep(now);
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "miner fleet loop error (continuing)", e);
                }
            }
        }
    }

    private void handle(SelectionKey key) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isAcceptable()) {
                SocketChannel c = ((ServerSocketChannel) key.channel()).accept();
                if (c != null) {
                    c.configureBlocking(false);
                    c.register(selector, SelectionKey.OP_READ, new Conn((Integer) key.attachment()));
                }
            } else if (key.isReadable()) {
                read(key);
            } else if (key.isWritable()) {
                write(key);
            }
        } catch (IOException | RuntimeException e) {
            closeKey(key);
        }
    }

    private void read(SelectionKey key) throws IOException {
        Conn conn = (Conn) key.attachment();
        SocketChannel c = (SocketChannel) key.channel();
        if (!conn.in.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(conn.in.capacity() * 2);
            conn.in.flip();
            bigger.put(conn.in);
            conn.in = bigger;
        }
        int n = c.read(conn.in);
        boolean eof = n < 0;
        if (miners.hangs(conn.miner)) {
            conn.in.clear();
            if (eof) {
                closeKey(key);
            }
            return;
        }
        String text = new String(conn.in.array(), 0, conn.in.position(), StandardCharsets.UTF_8);
        if (conn.in.position() > MAX_REQUEST) {
            respond(key, conn, api.handle(conn.miner, "{"));
        } else if (eof || RequestFraming.complete(text)) {
            respond(key, conn, api.handle(conn.miner, text.replace("\u0000", "")));
        }
    }

    private void respond(SelectionKey key, Conn conn, String json) {
        // cgminer terminates every response with a NUL byte; clients strip it
        conn.out = ByteBuffer.wrap((json + "\u0000").getBytes(StandardCharsets.UTF_8));
        key.interestOps(SelectionKey.OP_WRITE);
    }

    private void write(SelectionKey key) throws IOException {
        Conn conn = (Conn) key.attachment();
        ((SocketChannel) key.channel()).write(conn.out);
        if (!conn.out.hasRemaining()) {
            closeKey(key);
        }
    }

    /** Opens/closes listeners as reachability changes and drops idle connections. */
    private void sweep(long now) {
        miners.sweep(listeners, ports, served, this::open, ServerSocketChannel::close);
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Conn conn && now - conn.opened > (miners.hangs(conn.miner) ? 2 * IDLE_MS : IDLE_MS)) {
                closeKey(key);
            }
        }
    }

    private static void closeKey(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        if (thread.isAlive()) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeAll();
    }

    private void closeAll() {
        try {
            for (SelectionKey key : selector.keys()) {
                closeKey(key);
            }
            selector.close();
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
        for (int i = 0; i < listeners.length; i++) {
            if (listeners[i] != null) {
                try {
                    listeners[i].close();
                } catch (IOException e) {
                    // closing anyway
                }
                listeners[i] = null;
            }
        }
    }
}
