package io.containeredge.cloud.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free loopback ports for the servers tests start (brokers, gateways, peers), from a window below the kernel's
 * ephemeral ports (32768 and up): a port the kernel hands out for port 0 and takes back can meanwhile be any other
 * process's connection, and a server stopped and started again must find its port still free. A cursor moves on with
 * every call, so two calls never give the same port even before the first is bound.
 */
public final class LoopbackPorts {

    private final int from;
    private final int count;
    private final AtomicInteger next;

    /**
     * @param from the window's first port; @param count its size
     * @param start where the cursor begins (apart per test JVM, so two JVMs seldom try the same ports first)
     */
    public LoopbackPorts(int from, int count, int start) {
        this.from = from;
        this.count = count;
        this.next = new AtomicInteger(start);
    }

    /** The next port of the window that nothing listens on now. */
    public int next() throws IOException {
        for (int tries = 0; tries < count; tries++) {
            int port = from + Math.floorMod(next.getAndIncrement(), count);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // the next one
            }
        }
        throw new IOException("no free loopback port in " + from + ".." + (from + count - 1));
    }
}
