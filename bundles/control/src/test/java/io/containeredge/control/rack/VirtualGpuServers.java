package io.containeredge.control.rack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * GPU servers on the scenario's virtual clock, read as if polled at each cycle: each draws what its workload asks,
 * but no more than its cap, which it reaches with a first-order settle (a BMC's power capping, ~95 % in 1.5 s).
 * A server can be made unreachable, deaf to caps, or refusing them.
 */
final class VirtualGpuServers implements GpuServers {

    /** The BMC's regulation: 95 % of a cap step within three time constants. */
    static final double SETTLE_TAU_S = 0.5;
    static final double MIN_CAP_SHARE = 0.3;

    /** One server's state. */
    static final class Server {
        final String id;
        final double ratedW;
        double workloadW;
        double capW = Double.NaN;
        double effectiveCapW;
        boolean reachable = true;
        boolean ignoresCaps;
        boolean refusesCaps;
        long lastReadMillis = Long.MIN_VALUE;
        int capsReceived;

        Server(String id, double ratedW) {
            this.id = id;
            this.ratedW = ratedW;
            this.workloadW = ratedW;
            this.effectiveCapW = ratedW;
        }

        double drawW() {
            return ignoresCaps || Double.isNaN(capW) ? workloadW : Math.min(workloadW, effectiveCapW);
        }
    }

    private final List<Server> servers = new ArrayList<>();
    private long nowMillis = Long.MIN_VALUE;

    VirtualGpuServers(List<String> ids, double ratedW) {
        ids.forEach(id -> servers.add(new Server(id, ratedW)));
    }

    /** Moves every cap's settle to {@code millis}; called at each cycle. */
    void advanceTo(long millis) {
        if (nowMillis != Long.MIN_VALUE && millis > nowMillis) {
            double k = 1 - Math.exp(-(millis - nowMillis) / 1000.0 / SETTLE_TAU_S);
            for (Server s : servers) {
                double target = Double.isNaN(s.capW) ? s.ratedW : s.capW;
                s.effectiveCapW += (target - s.effectiveCapW) * k;
            }
        }
        nowMillis = millis;
    }

    Server server(int i) {
        return servers.get(i);
    }

    List<Server> all() {
        return servers;
    }

    /** What all servers draw now, in kW. */
    double drawKw() {
        return servers.stream().mapToDouble(Server::drawW).sum() / 1000;
    }

    /** Every server's workload as a share of its rating. */
    void workload(double share) {
        servers.forEach(s -> s.workloadW = share * s.ratedW);
    }

    @Override
    public List<GpuReading> readings() {
        List<GpuReading> list = new ArrayList<>();
        for (Server s : servers) {
            if (s.reachable) {
                s.lastReadMillis = nowMillis;
                list.add(new GpuReading(s.id, nowMillis, s.drawW(), s.capW, MIN_CAP_SHARE * s.ratedW, s.ratedW,
                        "Controls", ""));
            } else {
                list.add(new GpuReading(s.id, s.lastReadMillis, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        "Controls", "request timed out after 2000 ms"));
            }
        }
        return list;
    }

    @Override
    public CompletableFuture<Void> cap(String serverId, double watts) {
        Server s = servers.stream().filter(x -> x.id.equals(serverId)).findFirst().orElseThrow();
        s.capsReceived++;
        if (s.refusesCaps || !s.reachable) {
            return CompletableFuture.failedFuture(new IllegalStateException("HTTP 400: SetPoint out of range"));
        }
        s.capW = watts;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }
}
