package io.containeredge.simulator.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.fault.FaultSyntaxException;
import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator serving a site's GPU servers: wiring, faults and the loopback rule. */
class SimulatedGpuSiteTest {

    static LoadedSite demoWithGpus(String host, int servers) throws Exception {
        LoadedSite demo = SiteDocuments.loadBuiltIn("demo-container");
        SiteConfig c = demo.config();
        List<AiSettings.GpuServer> gpus = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            gpus.add(new AiSettings.GpuServer("gpu-0" + i, URI.create("https://" + host + ":0"), "1", 10_200,
                    AiSettings.Auth.SESSION, "bmc-credentials.txt",
                    new AiSettings.Trust(Optional.empty(), Optional.of("bmc-ca.pem"))));
        }
        AiSettings ai = new AiSettings(List.of(new AiSettings.Tenant("lab", new AiSettings.Contract(10, 5, 150, 40,
                Duration.ofMinutes(5)), gpus)), AiSettings.DEFAULT_POLL, AiSettings.DEFAULT_REQUEST_TIMEOUT,
                AiSettings.DEFAULT_CAP_SETTLE);
        SiteConfig withAi = new SiteConfig(c.site(), c.container(), c.description(), c.connections(), c.devices(),
                c.miners(), c.limits(), c.api(), c.simulation(), c.control(), c.economics(), c.planner(),
                Optional.of(ai));
        return new LoadedSite(withAi, demo.profilesByDevice(), demo.refused(), demo.source());
    }

    @Test
    void servesOneBmcPerServerAndTakesGpuFaults() throws Exception {
        try (Simulator sim = Simulator.start(demoWithGpus("127.0.0.1", 2), SimulatorOptions.forTests()
                .withServeMiners(false))) {
            GpuBmcs gpus = sim.gpus();
            assertEquals(BmcDialect.CONTROLS, gpus.bmc("gpu-01").dialect());
            assertEquals(BmcDialect.POWER, gpus.bmc("gpu-02").dialect(), "mixed alternates");
            assertTrue(sim.describe().stream().anyMatch(l -> l.startsWith("redfish gpu-02 on https://127.0.0.1:")));

            HttpClient client = trusting(gpus.certificate());
            String root = "https://127.0.0.1:" + gpus.bmc("gpu-01").port() + "/redfish/v1";
            assertEquals(200, get(client, root).statusCode());
            assertEquals(401, get(client, root + "/Chassis").statusCode(), "only the service root is open");

            sim.inject("bmc-503 gpu-01");
            HttpResponse<String> unavailable = get(client, root);
            assertEquals(503, unavailable.statusCode());
            assertTrue(unavailable.body().contains("\"error\""), unavailable.body());

            sim.inject("gpu-workload all idle");
            sim.inject("gpu-ignore-cap gpu-02");
            assertEquals(GpuWorkload.IDLE, gpus.bmc("gpu-02").model().workload());
            sim.inject("clear gpu-01");
            assertEquals(200, get(client, root).statusCode());
            assertEquals(GpuWorkload.TRAINING, gpus.bmc("gpu-01").model().workload());
            assertEquals(GpuWorkload.IDLE, gpus.bmc("gpu-02").model().workload(), "only gpu-01 was cleared");
            sim.inject("clear");
            assertEquals(GpuWorkload.TRAINING, gpus.bmc("gpu-02").model().workload());

            assertThrows(FaultSyntaxException.class, () -> sim.inject("bmc-hang gpu-99"));
            assertThrows(FaultSyntaxException.class, () -> sim.inject("gpu-workload gpu-01 mining"));
        }
    }

    @Test
    void writesTheCredentialsAndCaFilesTheSiteNames(@TempDir Path dataDir) throws Exception {
        LoadedSite site = demoWithGpus("127.0.0.1", 2);
        try (Simulator sim = Simulator.start(site, SimulatorOptions.forTests().withServeMiners(false))) {
            sim.gpus().writeSiteFiles(site.config().ai().orElseThrow(), dataDir);
            assertEquals(GpuSimulation.DEMO_USER + ":" + GpuSimulation.DEMO_PASSWORD,
                    Files.readString(dataDir.resolve("bmc-credentials.txt")).strip());
            assertEquals(sim.gpus().certificate().pem(), Files.readString(dataDir.resolve("bmc-ca.pem")));
        }
    }

    @Test
    void refusesAServerAddressOffLoopback() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulator.start(demoWithGpus("192.0.2.7", 1), SimulatorOptions.forTests().withServeMiners(false)));
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    }

    @Test
    void theCertificateIsOfferedAsPemAndFingerprint() throws Exception {
        BmcCertificate cert = BmcCertificate.shared();
        assertTrue(cert.pem().startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertTrue(cert.sha256().matches("[0-9a-f]{64}"));
    }

    private static HttpResponse<String> get(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpClient trusting(BmcCertificate cert) throws Exception {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        anchors.setCertificateEntry("bmc", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cert.pem().getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }
}
