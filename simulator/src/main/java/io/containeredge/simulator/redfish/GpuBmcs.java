package io.containeredge.simulator.redfish;

import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.AiSettings.GpuServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** The simulated BMCs of a site's GPU servers: one HTTPS Redfish service per server, all on loopback. */
public final class GpuBmcs implements AutoCloseable {

    private final Map<String, RedfishBmc> bmcs = new LinkedHashMap<>();
    private final GpuSimulation simulation;
    private final BmcCertificate certificate;
    private final ExecutorService executor;

    private GpuBmcs(GpuSimulation simulation, BmcCertificate certificate) {
        this.simulation = simulation;
        this.certificate = certificate;
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "simulated-bmc");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Serves a BMC for every server of the site, on the host and port of its address (port 0: ephemeral).
     *
     * @param clock simulated time in ms (the power models' time)
     * @param epochStartMillis wall-clock time at simulated time 0; with {@code zone}, the inference curve's hour
     * @throws IllegalArgumentException for an address that is not on loopback (nothing is started)
     * @throws IOException when a port cannot be bound (everything bound is closed again)
     */
    public static GpuBmcs start(AiSettings ai, GpuSimulation simulation, long seed, long epochStartMillis, ZoneId zone,
            LongSupplier clock) throws IOException {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (GpuServer s : ai.servers()) {
            InetSocketAddress a = loopback(s);
            addresses.add(simulation.ephemeralPorts() ? new InetSocketAddress(a.getAddress(), 0) : a);
        }
        GpuBmcs out = new GpuBmcs(simulation, BmcCertificate.shared());
        try {
            for (int i = 0; i < ai.servers().size(); i++) {
                GpuServer s = ai.servers().get(i);
                // a tenant's servers run one training job: they swing and checkpoint in step
                GpuPowerModel model = new GpuPowerModel(s.ratedW(), seed * 1_000_003L + i,
                        seed * 7_919L + tenantOf(ai, s), simulation.workload(), simulation.swingPct(),
                        simulation.swingPeriod().toMillis(), epochStartMillis, zone);
                out.bmcs.put(s.id(), new RedfishBmc(s.id(), s.chassis(), addresses.get(i),
                        BmcDialect.forServer(simulation.dialect(), i), model, clock, simulation.user(),
                        simulation.password(), out.certificate, out.executor));
            }
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }

    private static int tenantOf(AiSettings ai, GpuServer s) {
        for (int t = 0; t < ai.tenants().size(); t++) {
            if (ai.tenants().get(t).servers().contains(s)) {
                return t;
            }
        }
        return -1;
    }

    private static InetSocketAddress loopback(GpuServer s) throws IOException {
        URI a = s.address();
        InetAddress host = InetAddress.getByName(a.getHost());
        if (!host.isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to simulate the BMC of " + s.id() + " at " + a
                    + ": the simulator only serves loopback addresses (127.0.0.1)");
        }
        return new InetSocketAddress(host, a.getPort() < 0 ? 443 : a.getPort());
    }

    public BmcCertificate certificate() {
        return certificate;
    }

    public RedfishBmc bmc(String serverId) {
        RedfishBmc b = bmcs.get(serverId);
        if (b == null) {
            throw new IllegalArgumentException("no GPU server '" + serverId + "'; servers: " + bmcs.keySet());
        }
        return b;
    }

    public List<RedfishBmc> all() {
        return List.copyOf(bmcs.values());
    }

    /** Applies an action to one server, or to all for {@code null}. */
    public void forServers(String serverId, Consumer<RedfishBmc> action) {
        if (serverId == null) {
            bmcs.values().forEach(action);
        } else {
            action.accept(bmc(serverId));
        }
    }

    /** Ends a server's faults (all servers' for null): it answers, honours caps and runs the configured workload. */
    public void clear(String serverId) {
        forServers(serverId, b -> {
            b.setUnavailable(false);
            b.setHang(false);
            b.model().setIgnoreCap(false);
            b.model().setWorkload(simulation.workload());
        });
    }

    /**
     * Writes what a site needs to reach these BMCs: the login into every server's credentials file (owner-only where
     * the file system allows) and the certificate into every CA file a server's trust names; relative paths against
     * the data directory, as the gateway resolves them.
     */
    public void writeSiteFiles(AiSettings ai, Path dataDir) throws IOException {
        for (GpuServer s : ai.servers()) {
            Path credentials = dataDir.resolve(s.credentialsFile());
            Files.createDirectories(credentials.toAbsolutePath().getParent());
            Files.writeString(credentials, simulation.credentialsLine() + "\n", StandardCharsets.UTF_8);
            if (Files.getFileStore(credentials).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
            }
            if (s.trust().caFile().isPresent()) {
                Path ca = dataDir.resolve(s.trust().caFile().get());
                Files.createDirectories(ca.toAbsolutePath().getParent());
                Files.writeString(ca, certificate.pem(), StandardCharsets.US_ASCII);
            }
        }
    }

    /** What all the servers draw at simulated time {@code t}, in kW. */
    public double drawKw(long t) {
        double w = 0;
        for (RedfishBmc b : bmcs.values()) {
            w += b.model().drawW(t);
        }
        return w / 1000;
    }

    /** One line per BMC: where it is served, its dialect and what it runs. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        bmcs.values().forEach(b -> out.add("redfish " + b.serverId() + " on https://127.0.0.1:" + b.port() + " "
                + b.dialect().name().toLowerCase(Locale.ROOT) + " "
                + b.model().workload().name().toLowerCase(Locale.ROOT) + " rated "
                + Math.round(b.model().ratedW()) + " W"));
        if (!bmcs.isEmpty()) {
            out.add("redfish certificate sha256 " + certificate.sha256() + " (user " + simulation.user() + ")");
        }
        return out;
    }

    @Override
    public void close() {
        bmcs.values().forEach(RedfishBmc::close);
        executor.shutdownNow();
    }
}
