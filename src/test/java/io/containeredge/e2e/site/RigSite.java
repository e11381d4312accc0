package io.containeredge.e2e.site;

import io.containeredge.site.api.SiteLeaseSettings;
import io.containeredge.site.api.SiteReport.Offer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The scale rig's site on paper: container ids and loads, the coordinator's configuration at a given POI cap, the
 * full gateways' site edit and cloud properties. Timings are shortened from the product's defaults (30 s leases,
 * renewed every 5 s) in the same proportions the coordinator's checks ask for, so that every fault plays out within
 * seconds; the fallback shares fit under both caps the tests switch between.
 */
final class RigSite {

    static final String SITE = "demo-site";
    static final String BASE_PATH = "/containeredge";
    static final String KEY_ID = "site-coordinator";
    static final double CAP_HIGH_KW = 16_000;
    static final double CAP_LOW_KW = 13_000;
    static final double AUXILIARIES_KW = 200;
    /**
     * Kept free for the containers' control error: each full gateway's AI tenant swings by some 60 kW every 10 s and
     * its miners take a second or two to absorb it (up to ~120 kW above its level, see the AI swing benchmark).
     */
    static final double MARGIN_KW = 250;
    static final double GATEWAY_SHARE_KW = 600;
    static final double AGENT_SHARE_KW = 100;
    /** The demo container's miners: each full gateway's simulator serves them on a port range of its own. */
    static final int GATEWAY_MINERS = 240;
    static final Duration LEASE = Duration.ofSeconds(12);
    static final Duration RENEW_EVERY = Duration.ofSeconds(3);
    static final Duration STALE_AFTER = Duration.ofSeconds(5);
    static final Duration SESSION = Duration.ofSeconds(4);
    /** The containers' side: reports every 2 s (the product's default), settling shortened from 10 s. */
    static final SiteLeaseSettings AGENT_LEASE = new SiteLeaseSettings(AGENT_SHARE_KW, Duration.ofSeconds(2),
            Duration.ofSeconds(4), SiteLeaseSettings.DEFAULT_MAX_CLOCK_SKEW);

    final List<String> gateways;
    final List<String> agents;
    final byte[] secret;
    private final Path dir;

    RigSite(Path dir, int gateways, int agents, byte[] secret) {
        this.dir = dir;
        this.secret = secret.clone();
        this.gateways = ids(1, gateways);
        this.agents = ids(gateways + 1, agents);
    }

    private static List<String> ids(int first, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            ids.add(String.format(Locale.ROOT, "c-%03d", i));
        }
        return ids;
    }

    /** What the containers may import together without the POI going above {@code capKw}: the margin is theirs. */
    double availableKw(double capKw) {
        return capKw - AUXILIARIES_KW;
    }

    /**
     * Agent {@code index}'s load: 20 kW other, a 60 kW firm floor, three 40 kW blocks whose values differ between
     * containers (so the allocation's value order across containers matters), a hard limit of 190 kW below its full
     * 200 kW on some, and miners that wake at 20 kW/s.
     */
    static SimulatedLoad agentLoad(int index) {
        double base = 0.010 + 0.004 * (index % 10);
        List<Offer> blocks = List.of(new Offer(40, base + 0.030), new Offer(40, base + 0.015), new Offer(40, base));
        return new SimulatedLoad(20, 60, blocks, index % 4 == 0 ? 190 : 250, 20);
    }

    String keyBase64() {
        return Base64.getEncoder().encodeToString(secret);
    }

    /** The coordinator's configuration at {@code capKw}, written to {@code coordinator-<cap>.yaml}. */
    Path coordinatorConfig(double capKw, String zookeeper, String brokerUri) throws IOException {
        Path key = dir.resolve("coordinator.key");
        if (!Files.exists(key)) {
            Files.writeString(key, keyBase64());
        }
        StringBuilder containers = new StringBuilder();
        gateways.forEach(id -> containers.append("  - {id: ").append(id).append(", fallbackShareKw: ")
                .append(GATEWAY_SHARE_KW).append("}\n"));
        agents.forEach(id -> containers.append("  - {id: ").append(id).append(", fallbackShareKw: ")
                .append(AGENT_SHARE_KW).append("}\n"));
        String yaml = "site: " + SITE + "\n"
                + "poi:\n  capKw: " + capKw + "\n  auxiliariesKw: " + AUXILIARIES_KW + "\n  marginKw: " + MARGIN_KW
                + "\n"
                + "containers:\n" + containers
                + "leases:\n  duration: " + LEASE.toSeconds() + "s\n  renewEvery: " + RENEW_EVERY.toSeconds() + "s\n"
                + "allocation:\n  every: 1s\n  rampKwPerSecond: 100\n"
                + "reports:\n  staleAfter: " + STALE_AFTER.toSeconds() + "s\n"
                + "zookeeper:\n  connect: " + zookeeper + "\n  sessionTimeout: " + SESSION.toSeconds() + "s\n"
                + "  basePath: " + BASE_PATH + "\n"
                + "mqtt:\n  brokers: [" + brokerUri + "]\n"
                + "signing:\n  keyId: " + KEY_ID + "\n  secretFile: " + key + "\n";
        return Files.writeString(dir.resolve(String.format(Locale.ROOT, "coordinator-%.0f.yaml", capKw)), yaml);
    }

    /**
     * The demo container's site as full gateway {@code id}: its own container id and a siteLease section. Its reports
     * every 500 ms (the shortest a site allows), as the rig measures the gateways' import through them.
     */
    static String gatewaySite(String demo, String id) {
        String renamed = demo.replace("\ncontainer: c-01\n", "\ncontainer: " + id + "\n");
        if (renamed.equals(demo)) {
            throw new IllegalStateException("the demo site's container id was not found to replace");
        }
        return renamed + "\nsiteLease: {fallbackShareKw: " + GATEWAY_SHARE_KW + ", reportEvery: 500ms, riseDelay: 4s}\n";
    }

    /** A full gateway's cloud.properties: the site's plain broker, and the coordinator's key with scope site.lease. */
    Path gatewayCloud(String id, String brokerUri) throws IOException {
        return Files.writeString(dir.resolve(id + "-cloud.properties"), String.join("\n",
                "server.uris=" + brokerUri, "command.keys=" + KEY_ID + "=" + keyBase64() + ":site.lease",
                "reconnect.max.s=1", ""));
    }
}
