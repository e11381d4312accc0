package io.containeredge.control.rack;

import io.containeredge.site.api.AiSettings.GpuServer;
import java.util.List;

/**
 * A tenant's grant as one cap per server, a pure function: shared in proportion to the servers' ratings (alike
 * servers under one job draw alike), each within the range its BMC accepts and never above its rating. A grant at or
 * above what the servers can draw caps each at its rating, which holds nothing back.
 */
public final class ServerCaps {

    private ServerCaps() {
    }

    /**
     * @param readings the servers' latest readings, in the order of {@code servers} (for the BMCs' cap ranges)
     * @return each server's cap in W, in the order of {@code servers}
     */
    public static double[] of(double grantKw, List<GpuServer> servers, List<GpuReading> readings) {
        double ratedW = servers.stream().mapToDouble(GpuServer::ratedW).sum();
        double share = ratedW <= 0 ? 0 : Math.max(0, grantKw * 1000) / ratedW;
        double[] caps = new double[servers.size()];
        for (int i = 0; i < caps.length; i++) {
            GpuServer s = servers.get(i);
            GpuReading r = readings.get(i);
            double cap = Math.min(s.ratedW(), share * s.ratedW());
            if (r.maxCapW() > 0) {
                cap = Math.min(cap, r.maxCapW());
            }
            caps[i] = r.minCapW() > 0 ? Math.max(cap, r.minCapW()) : cap;
        }
        return caps;
    }
}
