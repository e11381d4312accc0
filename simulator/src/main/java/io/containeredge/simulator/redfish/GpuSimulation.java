package io.containeredge.simulator.redfish;

import java.time.Duration;

/**
 * How the simulated GPU servers behave and how their BMCs are reached.
 *
 * @param workload what every server runs at start (fault {@code gpu-workload} changes it per server)
 * @param swingPct a training job's swing, % of rated below full power
 * @param swingPeriod how long a training job stays at each level of its swing
 * @param dialect {@code controls}, {@code power} or {@code mixed} (alternating per server: both exercised)
 * @param user the BMCs' user name
 * @param password the BMCs' password
 * @param ephemeralPorts each BMC on a port the system picks rather than its address's (tests that run several
 *     simulators of one site at once); {@link GpuBmcs} tells the ports
 */
public record GpuSimulation(GpuWorkload workload, double swingPct, Duration swingPeriod, String dialect, String user,
        String password, boolean ephemeralPorts) {

    /** The demo's BMC login; a site reads it from its credentials file. */
    public static final String DEMO_USER = "admin";
    public static final String DEMO_PASSWORD = "containeredge-demo";

    public GpuSimulation {
        if (!(swingPct >= 0 && swingPct <= 100)) {
            throw new IllegalArgumentException("gpu swing must be 0..100 %, got " + swingPct);
        }
        if (swingPeriod.isNegative() || swingPeriod.isZero()) {
            throw new IllegalArgumentException("gpu swing period must be positive, got " + swingPeriod);
        }
        BmcDialect.forServer(dialect, 0);
        if (user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("BMC user must be non-empty and without ':'");
        }
    }

    public static GpuSimulation defaults() {
        return new GpuSimulation(GpuWorkload.TRAINING, 40, Duration.ofSeconds(10), "mixed", DEMO_USER,
                DEMO_PASSWORD, false);
    }

    public GpuSimulation withWorkload(GpuWorkload v) {
        return new GpuSimulation(v, swingPct, swingPeriod, dialect, user, password, ephemeralPorts);
    }

    public GpuSimulation withSwing(double pct, Duration period) {
        return new GpuSimulation(workload, pct, period, dialect, user, password, ephemeralPorts);
    }

    public GpuSimulation withDialect(String v) {
        return new GpuSimulation(workload, swingPct, swingPeriod, v, user, password, ephemeralPorts);
    }

    public GpuSimulation withCredentials(String newUser, String newPassword) {
        return new GpuSimulation(workload, swingPct, swingPeriod, dialect, newUser, newPassword, ephemeralPorts);
    }

    /** Every BMC on a port the system picks. */
    public GpuSimulation onEphemeralPorts() {
        return new GpuSimulation(workload, swingPct, swingPeriod, dialect, user, password, true);
    }

    /** The credentials file's one line, {@code user:password}. */
    public String credentialsLine() {
        return user + ":" + password;
    }
}
