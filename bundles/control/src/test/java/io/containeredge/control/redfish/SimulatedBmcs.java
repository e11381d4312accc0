package io.containeredge.control.redfish;

import io.containeredge.simulator.redfish.GpuBmcs;
import io.containeredge.simulator.redfish.GpuSimulation;
import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.AiSettings.Auth;
import io.containeredge.site.api.AiSettings.GpuServer;
import io.containeredge.site.api.AiSettings.Trust;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Simulated BMCs on ephemeral loopback ports, running on the wall clock, and the site settings that reach them. */
final class SimulatedBmcs implements AutoCloseable {

    static final String CREDENTIALS = "bmc-credentials.txt";
    static final String CA = "bmc-ca.pem";

    final GpuBmcs bmcs;
    private final Path dataDir;
    private final String host;

    SimulatedBmcs(int servers, GpuSimulation simulation, Path dataDir) throws IOException {
        this(servers, simulation, dataDir, "127.0.0.1");
    }

    /** @param host a loopback address to serve on; the certificate names 127.0.0.1 and localhost only */
    SimulatedBmcs(int servers, GpuSimulation simulation, Path dataDir, String host) throws IOException {
        this.dataDir = dataDir;
        this.host = host;
        long start = System.nanoTime();
        List<GpuServer> listening = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            listening.add(server("gpu-0" + i, URI.create("https://" + host + ":0"), Auth.SESSION, caTrust()));
        }
        bmcs = GpuBmcs.start(settings(listening, Duration.ofSeconds(1), Duration.ofSeconds(2)), simulation, 3,
                1_700_036_000_000L, ZoneOffset.UTC, () -> (System.nanoTime() - start) / 1_000_000L);
        Files.writeString(dataDir.resolve(CREDENTIALS), simulation.credentialsLine() + "\n");
        Files.writeString(dataDir.resolve(CA), bmcs.certificate().pem());
    }

    Path dataDir() {
        return dataDir;
    }

    /** The site's view of the simulated servers: every BMC at its real port, with the given login and trust. */
    AiSettings site(Auth auth, Trust trust, Duration poll, Duration timeout) {
        List<GpuServer> servers = new ArrayList<>();
        bmcs.all().forEach(b -> servers.add(server(b.serverId(), URI.create("https://" + host + ":" + b.port()), auth,
                trust)));
        return settings(servers, poll, timeout);
    }

    AiSettings site(Auth auth, Trust trust) {
        return site(auth, trust, Duration.ofMillis(200), Duration.ofMillis(700));
    }

    static Trust caTrust() {
        return new Trust(Optional.empty(), Optional.of(CA));
    }

    static Trust pinTrust(String sha256) {
        return new Trust(Optional.of(sha256), Optional.empty());
    }

    private static GpuServer server(String id, URI address, Auth auth, Trust trust) {
        return new GpuServer(id, address, "1", 10_200, auth, CREDENTIALS, trust);
    }

    private static AiSettings settings(List<GpuServer> servers, Duration poll, Duration timeout) {
        AiSettings.Contract contract = new AiSettings.Contract(50, 50, 150, 40, Duration.ofMinutes(5));
        return new AiSettings(List.of(new AiSettings.Tenant("lab", contract, servers)), poll, timeout,
                Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        bmcs.close();
    }
}
