package io.containeredge.launcher;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.fault.FaultSyntaxException;
import io.containeredge.simulator.market.AheadPrices;
import io.containeredge.simulator.market.DemoFeeds;
import io.containeredge.simulator.market.DemoPriceSchedule;
import io.containeredge.simulator.market.PriceYear;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the command line of the executable jar into configuration. The bnd launcher registers a
 * service carrying {@code launcher.arguments}; on Kura, which has no such service, this bundle is not
 * installed and the site is configured through ConfigAdmin instead. With {@code --demo} it first
 * starts the container simulator on loopback, in this process; {@code --mqtt} and {@code --cloud}
 * write the cloud configuration, which starts the Sparkplug B edge node. {@code --data} goes to every component that
 * keeps state: the site's configuration versions, the audit trail, the alarm journal, the cloud queue, the
 * console's users. The console's configuration ({@code --data}, {@code --api-tokens}) is written before the
 * site's, which opens the HTTP port, so its security is up by the time the first request can arrive.
 * {@code --check} configures nothing: it validates, prints and exits (see {@link ConfigurationCheck}).
 */
@Component(immediate = true)
public class StandaloneLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneLauncher.class);
    private static final String SITE_PID = "io.containeredge.site";
    private static final String CONTROL_PID = "io.containeredge.control";
    private static final String CLOUD_PID = "io.containeredge.cloud";
    private static final String CONSOLE_PID = "io.containeredge.console";
    /** Exit statuses of {@code --check}. */
    private static final int VALID = 0;
    private static final int INVALID = 1;
    private static final int USAGE_ERROR = 2;

    private Simulator simulator;
    private DemoFeeds feeds;

    @Activate
    public StandaloneLauncher(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference(service = Object.class, target = "(launcher.arguments=*)") Map<String, Object> launcher)
            throws IOException, BundleException {
        String[] raw = (String[]) launcher.get("launcher.arguments");
        LauncherArguments args;
        try {
            args = LauncherArguments.parse(Arrays.asList(raw));
        } catch (IllegalArgumentException e) {
            System.err.println("containeredge: " + e.getMessage() + "\n" + LauncherArguments.USAGE);
            if (Arrays.asList(raw).contains(LauncherArguments.CHECK)) {
                exitLater(USAGE_ERROR);
            } else {
                context.getBundle(0).stop();
            }
            return;
        }
        if (args.check()) {
            exitLater(check(args));
            return;
        }
        String dataDir = Path.of(args.dataDir()).toAbsolutePath().toString();
        Dictionary<String, Object> site = new Hashtable<>();
        args.apiPort().ifPresent(port -> site.put("api.port", port));
        args.trialGraceSeconds().ifPresent(seconds -> site.put("trial.grace.seconds", seconds));
        site.put("data.dir", dataDir);
        if (args.demo()) {
            startSimulator(args.seed(), Path.of(dataDir));
            site.put("config.dir", "");
            site.put("builtin.site", "demo-container");
            args.siteLeaseKw().ifPresent(kw -> site.put("builtin.site.lease.kw", kw));
        } else {
            Path dir = Path.of(args.configDir()).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                System.err.println("containeredge: --config " + dir + " is not a directory");
                context.getBundle(0).stop();
                return;
            }
            site.put("config.dir", dir.toString());
        }
        try {
            configAdmin.getConfiguration(CONSOLE_PID, "?").update(consoleConfiguration(args, dataDir));
        } catch (IllegalArgumentException e) {
            System.err.println("containeredge: " + e.getMessage());
            context.getBundle(0).stop();
            return;
        }
        Dictionary<String, Object> control = new Hashtable<>();
        control.put("data.dir", dataDir);
        configAdmin.getConfiguration(CONTROL_PID, "?").update(control);
        if (!args.mqtt().isEmpty() || args.cloudFile() != null) {
            // without this configuration the cloud component does not run (configuration policy REQUIRE)
            Dictionary<String, Object> cloud;
            try {
                cloud = args.cloudFile() == null ? new Hashtable<>() : CloudProperties.read(Path.of(args.cloudFile()));
            } catch (IllegalArgumentException e) {
                System.err.println("containeredge: --cloud " + e.getMessage());
                context.getBundle(0).stop();
                return;
            }
            if (!args.mqtt().isEmpty()) {
                cloud.put("server.uris", args.mqtt().toArray(String[]::new));
            }
            cloud.put("data.dir", dataDir);
            configAdmin.getConfiguration(CLOUD_PID, "?").update(cloud);
        }
        configAdmin.getConfiguration(SITE_PID, "?").update(site);
    }

    /**
     * {@code --check}: prints the verdict and returns the exit status. It configures nothing, so nothing starts:
     * no device is polled, no port opened, no data directory written.
     */
    private static int check(LauncherArguments args) {
        try {
            ConfigurationCheck.Report report = ConfigurationCheck.run(Path.of(args.configDir()),
                    args.cloudFile() == null ? null : Path.of(args.cloudFile()),
                    args.apiTokensFile() == null ? null : Path.of(args.apiTokensFile()));
            List<ConfigError> errors = report.errors();
            if (errors.isEmpty()) {
                System.out.println("ok: " + report.summary());
                return VALID;
            }
            errors.forEach(System.err::println);
            System.err.println(errors.size() + (errors.size() == 1 ? " error" : " errors"));
            return INVALID;
        } catch (RuntimeException e) {
            // escaping the activation it would leave the framework running and a CI job waiting for ever
            System.err.println("containeredge: --check could not run: " + e);
            return INVALID;
        }
    }

    /**
     * Exits from a thread of its own: System.exit runs the shutdown hooks, which stop the framework and wait
     * for this component's activation to end, so calling it from the activation would deadlock.
     */
    private static void exitLater(int status) {
        new Thread(() -> System.exit(status), "containeredge-exit").start();
    }

    /** The console's users live in the data directory; a missing tokens file is refused here rather than ignored later. */
    private static Dictionary<String, Object> consoleConfiguration(LauncherArguments args, String dataDir) {
        Dictionary<String, Object> console = new Hashtable<>();
        console.put("data.dir", dataDir);
        if (args.apiTokensFile() != null) {
            Path tokens = Path.of(args.apiTokensFile()).toAbsolutePath();
            if (!Files.isReadable(tokens) || Files.isDirectory(tokens)) {
                throw new IllegalArgumentException("--api-tokens " + tokens + " is not a readable file");
            }
            console.put("api.tokens.file", tokens.toString());
        }
        return console;
    }

    /**
     * The demo's simulator, and its feeds writing the demo site's price file (a price step every 5 minutes, the
     * sample price year ahead) and PV forecast where the gateway reads them.
     */
    private void startSimulator(long seed, Path dataDir) {
        try {
            LoadedSite demo = SiteDocuments.loadBuiltIn("demo-container");
            simulator = Simulator.start(demo, SimulatorOptions.defaults().withSeed(seed));
            simulator.describe().forEach(line -> LOG.info("simulator: {}", line));
            DemoFaults.readFrom(System.in, simulator);
            if (demo.config().ai().isPresent() && !demo.config().ai().get().servers().isEmpty()) {
                // the demo site names these files; the gateway reads them to log in to and trust the simulated BMCs
                simulator.gpus().writeSiteFiles(demo.config().ai().get(), dataDir);
            }
            if (simulator.vtn().isPresent()) {
                // the VEN's client id and secret, made up for this run, where the demo site's grid.openAdr names them
                simulator.vtn().get().writeSiteFiles(demo.config().grid().openAdr().orElseThrow(), dataDir);
            }
            Optional<Path> priceFile = demo.config().economics().flatMap(EconomicsSettings::priceFile)
                    .map(dataDir::resolve);
            if (priceFile.isPresent()) {
                AheadPrices prices = AheadPrices.stepsThenYear(new DemoPriceSchedule(System.currentTimeMillis()),
                        PriceYear.sample());
                feeds = DemoFeeds.start(demo.config(), priceFile.get(), prices);
                feeds.describe().forEach(line -> LOG.info("simulator: demo feed writing {}", line));
            }
        } catch (ConfigException | IOException | FaultSyntaxException e) {
            throw new IllegalStateException("demo simulator did not start: " + e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() {
        if (feeds != null) {
            feeds.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
