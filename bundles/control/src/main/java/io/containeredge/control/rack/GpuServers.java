package io.containeredge.control.rack;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The site's GPU servers as the AI load kind uses them: the latest reading of each, polled on threads of their own
 * so a slow or dead BMC never holds up a control cycle, and power caps sent asynchronously.
 */
public interface GpuServers extends AutoCloseable {

    /** Every configured server's latest reading, in site order; never blocks on I/O. */
    List<GpuReading> readings();

    /**
     * Sends a power cap to a server's BMC (through whichever control it offers). Returns at once; the future fails
     * with the BMC's answer when refused. The following readings show whether the server holds it.
     */
    CompletableFuture<Void> cap(String serverId, double watts);

    /** Stops polling and releases the connections; caps already written stay on the BMCs. */
    @Override
    void close();
}
