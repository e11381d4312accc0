package io.containeredge.control.rack;

import io.containeredge.site.api.AiSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The site's GPU servers when the gateway cannot reach them at all (a credentials or trust file missing or
 * malformed): every one unreadable for that reason, so each counts at its rating and is alarmed, and the controller
 * keeps protecting the container rather than refusing to start.
 */
public final class UnreachableServers implements GpuServers {

    private final List<GpuReading> readings;
    private final String why;

    public UnreachableServers(AiSettings ai, String why) {
        this.why = why;
        this.readings = ai.servers().stream().map(s -> new GpuReading(s.id(), Long.MIN_VALUE, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, "", why)).toList();
    }

    @Override
    public List<GpuReading> readings() {
        return readings;
    }

    @Override
    public CompletableFuture<Void> cap(String serverId, double watts) {
        return CompletableFuture.failedFuture(new IllegalStateException(why));
    }

    @Override
    public void close() {
    }
}
