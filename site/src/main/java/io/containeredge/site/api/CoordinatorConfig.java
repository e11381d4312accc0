package io.containeredge.site.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The site coordinator's configuration ({@code coordinator.schema.json}), as {@link CoordinatorDocuments} accepted
 * it: every check passed, durations parsed, file settings resolved against the document's directory.
 *
 * @param site the site id the containers' documents carry
 * @param containers the coordinated containers, in the document's order
 * @param dashboard the HTTPS site dashboard, empty when the document has none
 * @param requests who may send signed site requests (site limits over MQTT), empty when nobody may
 */
public record CoordinatorConfig(String site, Poi poi, List<Container> containers, Leases leases,
        Allocation allocation, Reports reports, ZooKeeper zookeeper, Mqtt mqtt, Signing signing,
        Optional<Dashboard> dashboard, Optional<Requests> requests) {

    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RENEW_EVERY = Duration.ofSeconds(5);
    public static final Duration DEFAULT_ALLOCATION_EVERY = Duration.ofSeconds(2);
    public static final double DEFAULT_RAMP_KW_PER_SECOND = 100;
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(6);
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(6);
    public static final String DEFAULT_BASE_PATH = "/containeredge";
    public static final String DEFAULT_DASHBOARD_BIND = "127.0.0.1";

    public CoordinatorConfig {
        containers = List.copyOf(containers);
    }

    /** Where the site's coordination lives in ZooKeeper: {@code <basePath>/<site>} (election, epoch, site limits). */
    public String sitePath() {
        return zookeeper.basePath() + "/" + site;
    }

    /** The container of {@code id}, empty when it is not one of the site's. */
    public Optional<Container> container(String id) {
        return containers.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The point of interconnection.
     *
     * @param capKw its import cap
     * @param auxiliariesKw the site's own load behind it, taken off the cap before any container
     * @param marginKw kept free under the cap for the containers' control error: a container's import comes under a
     *     lower budget over seconds (its miners' ramps and sleeps) and a swing of firm load (AI training) shows above
     *     its budget until its miners absorb it; with every kilowatt allocated, that would be above the cap
     */
    public record Poi(double capKw, double auxiliariesKw, double marginKw) {

        /** Without a margin. */
        public Poi(double capKw, double auxiliariesKw) {
            this(capKw, auxiliariesKw, 0);
        }

        /** What the containers are allocated together (budgets, and fallback shares at most). */
        public double availableKw() {
            return capKw - auxiliariesKw - marginKw;
        }
    }

    /** @param fallbackShareKw what the container may import without a lease (the shares fit under the cap) */
    public record Container(String id, double fallbackShareKw) {
    }

    /** @param duration how long a lease runs; @param renewEvery how often the active coordinator renews them */
    public record Leases(Duration duration, Duration renewEvery) {
    }

    /** @param every the allocation period; @param rampKwPerSecond how fast one container's budget may rise */
    public record Allocation(Duration every, double rampKwPerSecond) {
    }

    /** @param staleAfter a container whose last report is older than this is counted at its fallback share or more */
    public record Reports(Duration staleAfter) {
    }

    /**
     * @param connect the ensemble, {@code host:port,host:port}
     * @param sessionTimeout a killed leader's session (and so its leadership) ends after this
     * @param basePath the election and epoch live under {@code <basePath>/<site>}
     */
    public record ZooKeeper(String connect, Duration sessionTimeout, String basePath) {
    }

    /** @param brokers {@code tcp://} or {@code ssl://} URIs, tried in order */
    public record Mqtt(List<String> brokers, Optional<String> username, Optional<Path> passwordFile,
            Optional<Path> caFile) {

        public Mqtt {
            brokers = List.copyOf(brokers);
        }
    }

    /** @param keyId the id the gateways' {@code command.keys} know; @param secretFile the base64 secret */
    public record Signing(String keyId, Path secretFile) {
    }

    /** @param bind the address served on (loopback unless configured) */
    public record Dashboard(String bind, int port, Path usersFile, Path keystoreDir) {
    }

    /** The keys signed site requests are checked with, in the document's order. */
    public record Requests(List<RequestKey> keys) {

        public Requests {
            keys = List.copyOf(keys);
        }
    }

    /** @param secretFile holds the base64 secret, at least 32 bytes decoded */
    public record RequestKey(String keyId, Path secretFile) {
    }
}
