package io.containeredge.coordinator;

import io.containeredge.coordinator.dashboard.DashboardSettings;
import io.containeredge.coordinator.dashboard.DashboardUserSetup;
import io.containeredge.coordinator.dashboard.SiteDashboard;
import io.containeredge.coordinator.limits.SiteLimitCommand;
import io.containeredge.coordinator.mqtt.SiteMqtt;
import io.containeredge.coordinator.report.ReportBook;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorDocuments;
import io.containeredge.site.api.SiteTopics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar containeredge-site.jar}: the site coordinator.
 *
 * <pre>
 * --check &lt;coordinator.yaml&gt;                 prints a summary (exit 0) or every problem (exit 1)
 * --config &lt;coordinator.yaml&gt; --id &lt;instance&gt; runs one instance (SIGTERM leaves the election at once), with
 *                                           its dashboard when the configuration has one
 * --config &lt;coordinator.yaml&gt; --add-user &lt;name&gt; adds a dashboard login (password asked twice) and exits
 * --config &lt;coordinator.yaml&gt; --set-limit &lt;id&gt; --kw &lt;kW&gt; [--from &lt;time&gt;] --until &lt;time&gt; --reason &lt;text&gt;
 *                                           sets a site limit on the POI import in ZooKeeper (see SiteLimitCommand)
 * --config &lt;coordinator.yaml&gt; --end-limit &lt;id&gt;  ends one
 * --config &lt;coordinator.yaml&gt; --limits          lists those in force or to come
 * </pre>
 */
public final class CoordinatorMain {

    private static final String USAGE = "usage: java -jar containeredge-site.jar --check <coordinator.yaml>\n"
            + "       java -jar containeredge-site.jar --config <coordinator.yaml> --id <instance>\n"
            + "       java -jar containeredge-site.jar --config <coordinator.yaml> --add-user <name>\n"
            + "       java -jar containeredge-site.jar --config <coordinator.yaml> --set-limit <id> --kw <kW>"
            + " [--from <time>] --until <time> --reason <text>\n"
            + "       java -jar containeredge-site.jar --config <coordinator.yaml> --end-limit <id>\n"
            + "       java -jar containeredge-site.jar --config <coordinator.yaml> --limits\n"
            + "  (a time: now, +90m, +2h or ISO-8601 with its offset, e.g. 2026-07-14T16:00-05:00)";
    private static final Set<String> LIMIT_OPTIONS = Set.of("--set-limit", "--kw", "--from", "--until", "--reason",
            "--end-limit");
    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorMain.class);
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CoordinatorMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the exit code; a running coordinator returns only once stopped */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 2 && "--check".equals(args[0])) {
            return check(Path.of(args[1]), out, err);
        }
        Path config = null;
        String id = null;
        String newUser = null;
        Map<String, String> limitOptions = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--id" -> id = i + 1 < args.length ? args[++i] : null;
                case "--add-user" -> newUser = i + 1 < args.length ? args[++i] : null;
                case "--limits" -> limitOptions.put(args[i], "");
                default -> {
                    if (!LIMIT_OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                        return usage(err);
                    }
                    limitOptions.put(args[i], args[++i]);
                }
            }
        }
        if (config != null && newUser != null && id == null && limitOptions.isEmpty()) {
            return addUser(config, newUser, err);
        }
        if (!limitOptions.isEmpty()) {
            long commands = limitOptions.keySet().stream().filter(Set.of("--set-limit", "--end-limit", "--limits")
                    ::contains).count();
            return config == null || id != null || newUser != null || commands != 1 ? usage(err)
                    : limits(config, limitOptions, out, err);
        }
        if (config == null || id == null || newUser != null || !INSTANCE_ID.matcher(id).matches()) {
            return usage(err);
        }
        return runCoordinator(config, id, err);
    }

    private static int addUser(Path file, String name, PrintStream err) {
        try {
            Optional<CoordinatorConfig.Dashboard> dashboard = CoordinatorDocuments.load(file).dashboard();
            if (dashboard.isEmpty()) {
                err.println(file + " has no dashboard section: there is no login to add");
                return 1;
            }
            return DashboardUserSetup.addUser(dashboard.get().usersFile(), name);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int limits(Path file, Map<String, String> options, PrintStream out, PrintStream err)
            throws InterruptedException {
        try {
            return SiteLimitCommand.run(CoordinatorDocuments.load(file), options, out, err, System::currentTimeMillis);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err) {
        err.println(USAGE);
        return 2;
    }

    private static int check(Path file, PrintStream out, PrintStream err) {
        List<ConfigError> errors = CoordinatorDocuments.check(file);
        if (!errors.isEmpty()) {
            err.println(file + ": " + errors.size() + " problem(s):");
            errors.forEach(e -> err.println("  " + e.path() + ": " + e.reason()));
            return 1;
        }
        try {
            out.println(summary(CoordinatorDocuments.load(file)));
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
        return 0;
    }

    static String summary(CoordinatorConfig c) {
        double shares = c.containers().stream().mapToDouble(CoordinatorConfig.Container::fallbackShareKw).sum();
        return String.format(Locale.ROOT, "site %s: POI cap %.0f kW less auxiliaries %.0f kW and margin %.0f kW leaves"
                        + " %.0f kW for %d container(s); fallback shares %.0f kW (%.0f %% of it)%n"
                        + "leases of %s renewed every %s; allocation every %s, ramp %.0f kW/s; reports stale after %s%n"
                        + "ZooKeeper %s (session %s) under %s/%s; MQTT %s; leases signed with key '%s'%s",
                c.site(), c.poi().capKw(), c.poi().auxiliariesKw(), c.poi().marginKw(), c.poi().availableKw(),
                c.containers().size(),
                shares, 100 * shares / c.poi().availableKw(), text(c.leases().duration()), text(c.leases().renewEvery()),
                text(c.allocation().every()), c.allocation().rampKwPerSecond(), text(c.reports().staleAfter()),
                c.zookeeper().connect(), text(c.zookeeper().sessionTimeout()), c.zookeeper().basePath(), c.site(),
                c.mqtt().brokers(), c.signing().keyId(), c.dashboard().map(d -> "; dashboard on https://" + d.bind()
                        + ":" + d.port()).orElse("") + c.requests().map(r -> "; site requests signed by "
                        + r.keys().stream().map(CoordinatorConfig.RequestKey::keyId).toList()).orElse(""));
    }

    /** As the configuration writes it: 30s, 500ms. */
    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static int runCoordinator(Path file, String id, PrintStream err) throws Exception {
        CoordinatorConfig config;
        byte[] secret;
        Map<String, byte[]> requestKeys;
        try {
            config = CoordinatorDocuments.load(file);
            secret = CoordinatorDocuments.secret(config.signing());
            requestKeys = CoordinatorDocuments.requestKeys(config);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
        ReportBook reports = new ReportBook(config, System::currentTimeMillis);
        // the broker's link and the coordinator need each other: requests reach the coordinator once it is made (the
        // link starts after that, so none arrives before)
        AtomicReference<Coordinator> running = new AtomicReference<>();
        SiteMqtt mqtt = new SiteMqtt(config.mqtt(), "ce-site-" + config.site() + "-" + id,
                SiteTopics.reports(config.site()), SiteTopics.request(config.site()), config.containers().size(),
                reports::accept, payload -> {
                    Coordinator c = running.get();
                    if (c != null) {
                        c.request(payload);
                    }
                });
        Coordinator coordinator = new Coordinator(config, secret, requestKeys, id, mqtt, reports,
                System::currentTimeMillis);
        running.set(coordinator);
        CountDownLatch stopped = new CountDownLatch(1);
        mqtt.start();
        coordinator.start();
        Optional<SiteDashboard> dashboard = config.dashboard().flatMap(d -> dashboard(d, coordinator));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dashboard.ifPresent(SiteDashboard::close);
            coordinator.close();
            mqtt.close();
            stopped.countDown();
        }, "coordinator-stop"));
        stopped.await();
        return 0;
    }

    /** The dashboard is for people: one that cannot start (port taken, no keytool) is logged, the site runs on. */
    private static Optional<SiteDashboard> dashboard(CoordinatorConfig.Dashboard d, Coordinator coordinator) {
        try {
            return Optional.of(SiteDashboard.start(new DashboardSettings(d.bind(), d.port(), d.usersFile(),
                    d.keystoreDir()), coordinator::view, coordinator::active));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.error("site dashboard off: it could not start on {}:{}: {}", d.bind(), d.port(), e.toString());
            return Optional.empty();
        }
    }
}
