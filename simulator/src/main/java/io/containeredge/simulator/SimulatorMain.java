package io.containeredge.simulator;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.simulator.fault.FaultParser;
import io.containeredge.simulator.fault.FaultSyntaxException;
import io.containeredge.simulator.market.AheadPrices;
import io.containeredge.simulator.market.DemoFeeds;
import io.containeredge.simulator.market.DemoPriceSchedule;
import io.containeredge.simulator.market.PriceYear;
import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.simulator.redfish.GpuSimulation;
import io.containeredge.simulator.redfish.GpuWorkload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a simulated container from the command line.
 * <pre>
 *   --site FILE|demo      site YAML (profiles from the firmware-config directory the file sits in,
 *                         i.e. the parent of sites/, else built-in), or the built-in demo site
 *   --bind HOST:PORT      loopback only; the site's first tcp or rtu-over-tcp connection is served on
 *                         PORT, the next on PORT+1, ... (file order); PORT 0 = ephemeral. Without
 *                         --bind every connection is served on 127.0.0.1 at the port of the site
 *                         file. rtu connections are not served from the command line.
 *   --miners-base PORT    miner i on PORT+i (default: the site's miners.basePort; 0 = ephemeral)
 *   --seed N              deterministic noise (default 1)
 *   --faults FILE         fault script, lines "at SECONDSs COMMAND"
 *   --duration SECONDS    stop by itself after this long (wall clock)
 *   --time-scale X        simulated seconds per wall second (default 1)
 *   --serial CONN=DEVICE  serve the site's rtu connection CONN on a serial device, e.g. one end of
 *                         a socat pty pair (repeatable)
 *   --feeds DIR           write the price file demo-prices.json (5-minute slots, 47.5 h ahead) and, for a
 *                         site with a PV plant, the forecast demo-pv-forecast.json into DIR, as the demo does
 *   --price-csv FILE      the price year the price file looks ahead with (default: the shipped
 *                         prices/sample-year-15min.csv)
 *   --price-steps on|off  on (default): the demo's 5-minute price steps now, the CSV ahead; off: the CSV alone
 *   --gpu-workload W      what the site's GPU servers run: idle, inference or training (default)
 *   --gpu-swing-pct P     a training job's swing below full power, % of rated (default 40)
 *   --gpu-swing-period S  seconds a training job stays at each level of its swing (default 10)
 *   --gpu-dialect D       the BMCs' Redfish power resources: controls, power or mixed (default: alternating)
 *   --bmc-user U, --bmc-password P   the BMCs' login (default admin / the demo password)
 *   --site-files DIR      writes the BMCs' login and certificate where the site's ai section names them, and the
 *                         OpenADR VEN's client where grid.openAdr names it, relative to DIR (the gateway's data
 *                         directory)
 * </pre>
 * While running, fault commands typed on stdin are applied (see {@link FaultParser}); {@code status}
 * prints the physics, {@code help} the command list, {@code quit} stops.
 */
public final class SimulatorMain {

    /** The price file's name in the feeds directory: the demo site's economics.priceFile. */
    static final String PRICE_FILE = "demo-prices.json";

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String siteArg = null;
        String bind = null;
        String faultsFile = null;
        Integer minersBase = null;
        long seed = 1;
        double duration = -1;
        double timeScale = 1;
        Map<String, String> serialDevices = new LinkedHashMap<>();
        String feedsDir = null;
        String priceCsv = null;
        boolean priceSteps = true;
        GpuSimulation gpu = GpuSimulation.defaults();
        String siteFilesDir = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    out.println(usage());
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--site" -> siteArg = v;
                    case "--bind" -> bind = v;
                    case "--faults" -> faultsFile = v;
                    case "--miners-base" -> minersBase = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--duration" -> duration = Double.parseDouble(v);
                    case "--time-scale" -> timeScale = Double.parseDouble(v);
                    case "--serial" -> serialDevice(serialDevices, v);
                    case "--feeds" -> feedsDir = v;
                    case "--site-files" -> siteFilesDir = v;
                    case "--price-csv" -> priceCsv = v;
                    case "--price-steps" -> priceSteps = onOff(a, v);
                    case "--gpu-workload" -> gpu = gpu.withWorkload(GpuWorkload.parse(v));
                    case "--gpu-swing-pct" -> gpu = gpu.withSwing(Double.parseDouble(v), gpu.swingPeriod());
                    case "--gpu-swing-period" -> gpu = gpu.withSwing(gpu.swingPct(),
                            Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)));
                    case "--gpu-dialect" -> gpu = gpu.withDialect(v);
                    case "--bmc-user" -> gpu = gpu.withCredentials(v, gpu.password());
                    case "--bmc-password" -> gpu = gpu.withCredentials(gpu.user(), v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (siteArg == null) {
                throw new IllegalArgumentException("--site is required");
            }
            SimulatorOptions options = SimulatorOptions.defaults().withSeed(seed).withTimeScale(timeScale)
                    .withMinerBasePort(minersBase).withSerialDevices(serialDevices).withGpu(gpu);
            if (bind != null) {
                options = bindOption(options, bind);
            }
            LoadedSite site;
            if (siteArg.equals("demo")) {
                site = SiteDocuments.loadBuiltIn("demo-container");
            } else {
                Path file = Path.of(siteArg);
                ConfigSource source = new ConfigSource(configDir(file));
                site = SiteDocuments.load(file, source);
                options = options.withConfigSource(source);
            }
            if (faultsFile != null) {
                options = options.withFaultScript(Files.readString(Path.of(faultsFile), StandardCharsets.UTF_8));
            }
            AheadPrices prices = feedsDir == null ? null : aheadPrices(priceCsv, priceSteps);
            try (Simulator sim = Simulator.start(site, options);
                    DemoFeeds feeds = prices == null ? null
                            : DemoFeeds.start(site.config(), Path.of(feedsDir, PRICE_FILE), prices)) {
                out.println("container simulator: site " + site.config().site() + "/" + site.config().container()
                        + ", seed " + seed);
                sim.describe().forEach(out::println);
                if (siteFilesDir != null && site.config().ai().isPresent()) {
                    sim.gpus().writeSiteFiles(site.config().ai().get(), Path.of(siteFilesDir));
                    out.println("BMC login and certificate written for the site's ai section under " + siteFilesDir);
                }
                if (siteFilesDir != null && sim.vtn().isPresent()) {
                    sim.vtn().get().writeSiteFiles(site.config().grid().openAdr().orElseThrow(), Path.of(siteFilesDir));
                    out.println("OpenADR VEN client written for the site's grid.openAdr under " + siteFilesDir);
                }
                if (feeds != null) {
                    feeds.describe().forEach(line -> out.println("feed " + line));
                }
                out.flush();
                awaitEnd(sim, duration, out);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (ConfigException | FaultSyntaxException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static AheadPrices aheadPrices(String csv, boolean steps) throws IOException, ConfigException {
        PriceYear year = csv == null ? PriceYear.sample() : PriceYear.read(Path.of(csv));
        return steps ? AheadPrices.stepsThenYear(new DemoPriceSchedule(System.currentTimeMillis()), year)
                : AheadPrices.yearOnly(year);
    }

    private static boolean onOff(String option, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(option + " takes on or off, got '" + value + "'");
        };
    }

    /** {@code CONNECTION=DEVICE}: serve an rtu connection of the site on a serial device (e.g. a pty). */
    private static void serialDevice(Map<String, String> devices, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException("--serial needs CONNECTION=DEVICE, got '" + value + "'");
        }
        devices.put(value.substring(0, eq), value.substring(eq + 1));
    }

    /** The firmware-config directory of a site file: the parent of its sites/ folder, else its folder. */
    public static Path configDir(Path siteFile) {
        Path dir = siteFile.toAbsolutePath().getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("sites")) {
            return dir.getParent();
        }
        return dir;
    }

    static SimulatorOptions bindOption(SimulatorOptions options, String bind) {
        int colon = bind.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--bind must be HOST:PORT, e.g. 127.0.0.1:15020");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind.substring(0, colon));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in --bind: " + bind.substring(0, colon));
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing --bind " + bind + ": the simulator only binds loopback"
                    + " addresses (127.0.0.1), never a network interface");
        }
        int port = Integer.parseInt(bind.substring(colon + 1));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in --bind: " + port);
        }
        return options.withBindAddress(address).withModbusBasePort(port);
    }

    private static void awaitEnd(Simulator sim, double durationSeconds, PrintStream out) {
        CountDownLatch quit = new CountDownLatch(1);
        Thread console = new Thread(() -> readCommands(sim, out, quit), "container-sim-console");
        console.setDaemon(true);
        console.start();
        try {
            if (durationSeconds >= 0) {
                quit.await((long) (durationSeconds * 1000), TimeUnit.MILLISECONDS);
            } else {
                quit.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("container simulator stopped");
    }

    private static void readCommands(Simulator sim, PrintStream out, CountDownLatch quit) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.strip()) {
                    case "quit", "exit" -> {
                        quit.countDown();
                        return;
                    }
                    case "help" -> out.println(FaultParser.usage() + " | status | quit");
                    case "status" -> out.println(status(sim.model()));
                    default -> sim.answer(line).ifPresent(out::println);
                }
                out.flush();
            }
        } catch (IOException e) {
            // stdin closed: keep running until --duration or a signal
        }
    }

    static String status(ContainerModel m) {
        synchronized (m) {
            return String.format(Locale.ROOT,
                    "t=%.1fs ambient=%.1fC supply=%.2fC return=%.2fC flow=%.0fm3/h pump=%s miners=%.0fkW "
                            + "total=%.0fkW top-oil=%.1fC hot-spot=%.1fC soc=%.1f%% battery=%.0fkW pv=%.0fkW",
                    m.elapsedMillis() / 1000.0, m.ambientC(), m.supplyC(), m.returnC(), m.flowM3h(),
                    m.cdu().pumpState().name().toLowerCase(Locale.ROOT), m.minersKw(), m.totalKw(),
                    m.transformer().topOilC(), m.transformer().hotSpotC(), m.battery().socPct(),
                    m.battery().powerKw(), m.pv().kw());
        }
    }

    static String usage() {
        return "usage: SimulatorMain --site FILE|demo [--bind 127.0.0.1:PORT] [--miners-base PORT] [--seed N]"
                + " [--faults FILE] [--duration SECONDS] [--time-scale X] [--serial CONNECTION=DEVICE]"
                + " [--feeds DIR] [--price-csv FILE] [--price-steps on|off] [--gpu-workload idle|inference|training]"
                + " [--gpu-swing-pct P] [--gpu-swing-period SECONDS] [--gpu-dialect controls|power|mixed]"
                + " [--bmc-user U] [--bmc-password P] [--site-files DIR]";
    }
}
