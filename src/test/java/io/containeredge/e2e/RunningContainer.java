package io.containeredge.e2e;

import io.containeredge.cloud.mqtt.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The demo container as on a site: {@code containeredge-sim.jar} serving the (edited) demo site on
 * ephemeral loopback ports, and {@code containeredge.jar} configured against it, both as processes.
 */
public final class RunningContainer implements AutoCloseable {

    /** The demo site's VTN address, replaced by the simulator's. */
    private static final String DEMO_VTN = "http://127.0.0.1:18081";
    final ChildProcess simulator;
    final GatewayApi api;
    final int containerPort;
    private final Path work;
    private final List<String> gatewayCommand;
    private ChildProcess gateway;
    private int starts;

    private RunningContainer(ChildProcess simulator, GatewayApi api, int containerPort, Path work,
            List<String> gatewayCommand) {
        this.simulator = simulator;
        this.api = api;
        this.containerPort = containerPort;
        this.work = work;
        this.gatewayCommand = gatewayCommand;
    }

    ChildProcess gateway() {
        return gateway;
    }

    /** Starts the gateway (again, with the same command line and data) and waits for its HTTP API. */
    RunningContainer startGateway() throws IOException, InterruptedException {
        starts++;
        gateway = ChildProcess.start(work.resolve(starts == 1 ? "gateway.log" : "gateway-" + starts + ".log"),
                gatewayCommand);
        gateway.await("Started Jetty", Duration.ofSeconds(60));
        return this;
    }

    /**
     * @param edit changes to the demo site's text (miner count, limits, ...)
     * @param minersBase the miners' first port (the site's basePort must say the same), or 0 for
     *     ephemeral ports the gateway cannot reach
     * @param gatewayArgs more arguments for the gateway's command line (e.g. {@code --mqtt <uri>})
     */
    public static RunningContainer start(Path work, UnaryOperator<String> edit, int minersBase, String... gatewayArgs)
            throws Exception {
        return start(work, edit, minersBase, List.of(), gatewayArgs);
    }

    /** @param simulatorArgs more arguments for the simulator's command line (e.g. {@code --feeds <dir>}) */
    static RunningContainer start(Path work, UnaryOperator<String> edit, int minersBase, List<String> simulatorArgs,
            String... gatewayArgs) throws Exception {
        Path root = ChildProcess.root();
        // the GPU servers' BMCs on free ports; the simulator writes their login and certificate into the gateway's data
        String site = edit.apply(Files.readString(root.resolve("firmware-config/sites/demo-container.yaml")))
                .replace("basePort: 15443", "basePort: " + freeRange(20, 25000));
        List<String> gatewayData = new ArrayList<>(List.of(gatewayArgs));
        if (!gatewayData.contains("--data")) {
            gatewayData.addAll(List.of("--data", Files.createDirectories(work.resolve("gateway-data")).toString()));
        }
        String dataDir = gatewayData.get(gatewayData.indexOf("--data") + 1);
        Path config = Files.createDirectories(work.resolve("config"));
        Path siteFile = config.resolve("site.yaml");
        Files.writeString(siteFile, site);
        List<String> simulatorCommand = new ArrayList<>(List.of(ChildProcess.java(), "-jar",
                root.resolve("deploy/target/containeredge-sim.jar").toString(), "--site", siteFile.toString(),
                "--bind", "127.0.0.1:0", "--miners-base", String.valueOf(minersBase), "--seed", "7",
                "--duration", "600", "--site-files", dataDir));
        simulatorCommand.addAll(simulatorArgs);
        ChildProcess simulator = ChildProcess.start(work.resolve("simulator.log"), simulatorCommand);
        int gw = Integer.parseInt(simulator.await("modbus container-gw on 127\\.0\\.0\\.1:(\\d+)",
                Duration.ofSeconds(30)).group(1));
        int bess = Integer.parseInt(simulator.await("modbus bess on 127\\.0\\.0\\.1:(\\d+)", Duration.ofSeconds(5)).group(1));
        String ported = site.replace("port: 15020", "port: " + gw).replace("port: 15021", "port: " + bess);
        if (ported.contains(DEMO_VTN)) { // the simulator's OpenADR VTN, on an ephemeral port too
            ported = ported.replace(DEMO_VTN, simulator.await("openadr3 vtn on (http://127\\.0\\.0\\.1:\\d+)/",
                    Duration.ofSeconds(5)).group(1));
        }
        Files.writeString(siteFile, ported);
        int apiPort = freePort();
        List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--api-port", String.valueOf(apiPort)));
        args.addAll(gatewayData);
        RunningContainer container = new RunningContainer(simulator, new GatewayApi(apiPort), gw, work,
                LauncherTest.gateway(args.toArray(String[]::new)));
        try {
            return container.startGateway();
        } catch (IOException | InterruptedException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    /**
     * The demo container with {@code miners} simulated miners on free loopback ports the gateway reaches.
     *
     * @param gatewayArgs more arguments for the gateway's command line
     */
    static RunningContainer withMiners(Path work, int miners, String... gatewayArgs) throws Exception {
        int minersBase = freeRange(miners);
        return start(work, site -> genericMiners(site, miners, minersBase), minersBase, gatewayArgs);
    }

    /**
     * The demo site's text with {@code miners} generic miners of 3.5 kW rated at {@code minersBase} in place of its
     * fleet of three models: the fleet the end-to-end tests count their kilowatts on. Its economics section then
     * prices no miner (none has a model). Without the demo's PV plant: the simulator's sun follows the wall clock,
     * and these tests' import must not depend on the time of day they run at.
     */
    static String genericMiners(String demo, int miners, int minersBase) {
        String generic = withoutAi(demo).replaceFirst("(?m)^  model: .*\n  groups:\n(    - .*\n)+", "  ratedPowerW: 3500\n");
        if (generic.equals(demo)) {
            throw new IllegalStateException("the demo site's miner models were not found to replace");
        }
        generic = generic.replace("count: 240", "count: " + miners).replace("basePort: 14100", "basePort: " + minersBase);
        int simulation = generic.indexOf("\nsimulation:");
        return generic.substring(0, simulation)
                + generic.substring(simulation).replaceFirst("(?m)^  pvRatedKw: .*$", "  pvRatedKw: 0");
    }

    /** The demo site's text without its AI tenant: for the tests whose kilowatts are the miners' alone. */
    static String withoutAi(String site) {
        String without = site.replaceFirst("(?ms)^ai:\n.*?(?=^[a-z])", "");
        if (without.equals(site)) {
            throw new IllegalStateException("the site's ai section was not found to remove");
        }
        return without;
    }

    /**
     * A range found free is bound only later, by the simulator started with it: two test JVMs searching from the
     * same start at once would both find it free. So the second of two parallel forks searches its ranges this much
     * higher: its miners' (from 23000, 240 ports at most), cloud broker's (26000) and BMCs' (27000) stay clear of the
     * first fork's (21000, 24000 and 25000; a site rig's second gateway's BMCs at 26000 run with no other fork), and
     * its servers' ports ({@link #freePort}: 31000) clear of the first's (29000).
     */
    static final int FORK_SHIFT = 2000;
    private static final int FREE_PORTS_FROM = 29_000;
    private static final LoopbackPorts FREE_PORTS = new LoopbackPorts(FREE_PORTS_FROM + forkShift(), 1000, 0);

    /** This JVM's shift of its port ranges: by surefire's fork number (src/test/pom.xml), 0 without one. */
    static int forkShift() {
        int fork = Integer.parseInt(System.getProperty("containeredge.e2e.fork", "1"));
        if (fork < 1 || fork > 2) {
            throw new IllegalStateException("fork " + fork + ": the end-to-end tests' port ranges are apart for "
                    + "two parallel forks only (forkCount at most 2)");
        }
        return (fork - 1) * FORK_SHIFT;
    }

    /**
     * A free loopback port for a server a test starts (a gateway's API, a peer): from {@value #FREE_PORTS_FROM} up (the
     * second fork {@link #FORK_SHIFT} higher), below the kernel's ephemeral ports ({@link LoopbackPorts}: a port taken
     * back from port 0 was once another process's connection before the gateway's HTTP server bound it).
     */
    static int freePort() throws IOException {
        return FREE_PORTS.next();
    }

    /** A base port with {@code n} free loopback ports after it, for the simulated miners. */
    static int freeRange(int n) throws IOException {
        return freeRange(n, 21000);
    }

    /**
     * As {@link #freeRange(int)}, searching from {@code from}: apart from the miners' ranges, and below the kernel's
     * ephemeral ports (32768 and up), where a simulator's Modbus servers and miners on port 0 land. In the second of
     * two parallel test JVMs the search starts {@link #FORK_SHIFT} higher ({@link #forkShift}).
     */
    public static int freeRange(int n, int from) throws IOException {
        for (int base = from + forkShift(); base < 60000; base += n + 7) {
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    held.add(new ServerSocket(base + i, 1, InetAddress.getLoopbackAddress()));
                }
                return base;
            } catch (IOException taken) {
                // try the next range
            } finally {
                for (ServerSocket s : held) {
                    s.close();
                }
            }
        }
        throw new IOException("no free range of " + n + " loopback ports");
    }

    @Override
    public void close() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        simulator.close();
    }
}
