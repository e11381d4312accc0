package io.containeredge.control.redfish;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.rack.GpuReading;
import io.containeredge.control.rack.GpuServers;
import io.containeredge.modbus.time.MonotonicClock;
import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.AiSettings.GpuServer;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The site's GPU servers over DMTF Redfish: one HTTP client (with {@link BmcTrust} choosing each BMC's anchor) for all
 * BMCs, every server polled every {@code poll} without waiting for the others (a dead BMC only costs its own
 * requests, each bounded by the request timeout), and caps written asynchronously.
 */
public final class RedfishFleet implements GpuServers {

    private final List<Bmc> bmcs;
    private final Map<String, Bmc> byId = new LinkedHashMap<>();
    private final MonotonicClock clock;
    private final Duration timeout;
    private final ScheduledExecutorService poller;
    private final ExecutorService io;

    /** One server: its connection, its power resources and its latest reading. */
    private record Bmc(GpuServer config, BmcConnection connection, BmcPower power,
            AtomicReference<GpuReading> reading, AtomicBoolean polling) {
    }

    private RedfishFleet(AiSettings ai, Path dataDir, MonotonicClock clock) {
        this.clock = clock;
        this.timeout = ai.requestTimeout();
        BmcTrust trust = BmcTrustFiles.forServers(ai.servers(), dataDir);
        List<BmcCredentials> logins = ai.servers().stream()
                .map(s -> BmcCredentials.read(dataDir, s.credentialsFile(), s.id())).toList();
        this.io = Executors.newFixedThreadPool(2, daemon("redfish-io"));
        HttpClient http = HttpClient.newBuilder().sslContext(tls(trust)).executor(io)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        ObjectMapper json = new ObjectMapper();
        List<Bmc> list = new ArrayList<>();
        for (int i = 0; i < ai.servers().size(); i++) {
            GpuServer s = ai.servers().get(i);
            BmcConnection c = new BmcConnection(http, json, s.address(), s.auth(), logins.get(i), timeout);
            Bmc b = new Bmc(s, c, new BmcPower(c, json, s.chassis()), new AtomicReference<>(GpuReading.unread(s.id())),
                    new AtomicBoolean());
            list.add(b);
            byId.put(s.id(), b);
        }
        this.bmcs = List.copyOf(list);
        this.poller = Executors.newSingleThreadScheduledExecutor(daemon("redfish-poll"));
    }

    /**
     * Reads every server's credentials and trust anchor and starts polling.
     *
     * @param dataDir what relative credentials and CA files are resolved against
     * @throws IllegalArgumentException naming the server and file when a credentials or trust file is missing or
     *     malformed (nothing is started)
     */
    public static RedfishFleet forSite(AiSettings ai, Path dataDir, MonotonicClock clock) {
        RedfishFleet fleet = new RedfishFleet(ai, dataDir, clock);
        fleet.poller.scheduleAtFixedRate(fleet::pollAll, 0, ai.poll().toMillis(), TimeUnit.MILLISECONDS);
        return fleet;
    }

    @Override
    public List<GpuReading> readings() {
        return bmcs.stream().map(b -> b.reading().get()).toList();
    }

    @Override
    public CompletableFuture<Void> cap(String serverId, double watts) {
        Bmc b = byId.get(serverId);
        if (b == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no GPU server '" + serverId + "'"));
        }
        return b.power().cap(watts).exceptionallyCompose(e -> CompletableFuture.failedFuture(
                new IllegalStateException(serverId + " refused a cap of " + Math.round(watts) + " W: "
                        + RedfishProblems.describe(e, timeout), RedfishProblems.cause(e))));
    }

    private void pollAll() {
        for (Bmc b : bmcs) {
            // a BMC still answering the last poll is not asked again: requests never pile up on a slow one
            if (b.polling().compareAndSet(false, true)) {
                b.power().read().whenComplete((sample, error) -> {
                    b.reading().updateAndGet(last -> error == null
                            ? new GpuReading(last.id(), clock.millis(), sample.drawW(), sample.capW(),
                                    sample.minCapW(), sample.maxCapW(), sample.control(), "")
                            : new GpuReading(last.id(), last.readAtMillis(), last.drawW(), last.capW(), last.minCapW(),
                                    last.maxCapW(), last.control(), RedfishProblems.describe(error, timeout)));
                    b.polling().set(false);
                });
            }
        }
    }

    /** Stops polling and deletes the sessions (waiting at most a request timeout); caps stay on the BMCs. */
    @Override
    public void close() {
        poller.shutdownNow();
        CompletableFuture<?>[] logouts = bmcs.stream().map(b -> b.connection().logout())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(logouts).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a BMC that does not answer keeps its session until the BMC's own session timeout ends it
        }
        io.shutdownNow();
    }

    private static SSLContext tls(BmcTrust trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS context", e);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
