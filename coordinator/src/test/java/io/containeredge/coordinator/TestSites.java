package io.containeredge.coordinator;

import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorConfig.Container;
import io.containeredge.site.api.SiteReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Coordinator configurations and reports for tests, with the defaults of the configuration. */
public final class TestSites {

    public static final String SITE = "test-site";

    private TestSites() {
    }

    public static CoordinatorConfig site(double capKw, double auxiliariesKw, List<Container> containers) {
        return site(capKw, auxiliariesKw, containers, "127.0.0.1:1", List.of("tcp://127.0.0.1:1"));
    }

    public static CoordinatorConfig site(double capKw, double auxiliariesKw, List<Container> containers,
            String zookeeper, List<String> brokers) {
        return new CoordinatorConfig(SITE, new CoordinatorConfig.Poi(capKw, auxiliariesKw), containers,
                new CoordinatorConfig.Leases(Duration.ofSeconds(30), Duration.ofSeconds(5)),
                new CoordinatorConfig.Allocation(Duration.ofSeconds(2), 100),
                new CoordinatorConfig.Reports(Duration.ofSeconds(6)),
                new CoordinatorConfig.ZooKeeper(zookeeper, Duration.ofSeconds(6), "/containeredge"),
                new CoordinatorConfig.Mqtt(brokers, Optional.empty(), Optional.empty(), Optional.empty()),
                new CoordinatorConfig.Signing("site-coordinator", Path.of("unused.key")), Optional.empty(),
                Optional.empty());
    }

    /** A report without lease or battery. */
    public static SiteReport report(String container, long atMillis, double importKw, double hardKw, double otherKw,
            double firmKw, List<SiteReport.Offer> offers, double fallbackKw) {
        return new SiteReport(SITE, container, atMillis, importKw, importKw, hardKw, otherKw, firmKw, offers, fallbackKw,
                null, null);
    }

    public static SiteReport.Offer offer(double kw, double valuePerKw) {
        return new SiteReport.Offer(kw, valuePerKw);
    }
}
