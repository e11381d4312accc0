package io.containeredge.simulator;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.modbus.sunspec.SunSpecModels;
import io.containeredge.simulator.bridge.Adapters;
import io.containeredge.simulator.bridge.DeviceAdapter;
import io.containeredge.simulator.bridge.DeviceImages;
import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.device.PointWrite;
import io.containeredge.simulator.fault.FaultCatalog;
import io.containeredge.simulator.fault.FaultCommand;
import io.containeredge.simulator.fault.FaultParser;
import io.containeredge.simulator.fault.FaultScript;
import io.containeredge.simulator.fault.FaultSyntaxException;
import io.containeredge.simulator.fault.ScheduledFault;
import io.containeredge.simulator.miner.MinerServers;
import io.containeredge.simulator.modbus.ModbusServer;
import io.containeredge.simulator.modbus.ModbusTcpServer;
import io.containeredge.simulator.modbus.UnitFaults;
import io.containeredge.simulator.openadr.Vtn;
import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.simulator.redfish.GpuBmcs;
import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.OpenAdrSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running simulated container: its Modbus devices (one server per connection of the site, each
 * serving that connection's unit ids: tcp and rtu-over-tcp on a loopback port, rtu on the serial
 * device {@link SimulatorOptions#serialDevices()} names), its miners' API, its GPU servers' Redfish BMCs (HTTPS on
 * loopback, one port per server of the site's ai section), the OpenADR 3 VTN its VEN polls (a {@code grid.openAdr}
 * with an http loopback {@code vtnUrl}), and the physics model tying them together.
 * Start with {@link #start(LoadedSite, SimulatorOptions)}; {@link #close()} stops every server.
 *
 * <p>Each tick: scripted faults that are due, then client writes (setpoints, relays) into the model,
 * then one physics step; after each batch of ticks the model is published into the registers.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Simulator.class.getName());

    private final SiteConfig site;
    private final SimulatorOptions options;
    private final ContainerModel model;
    private final Map<String, SimulatedDevice> devices = new LinkedHashMap<>();
    private final Map<String, ModbusServer> servers = new LinkedHashMap<>();
    private final FaultParser parser;
    private final Deque<ScheduledFault> script;
    private MinerServers miners;
    private GpuBmcs gpus;
    private Vtn vtn;
    private FaultApplier faults;
    private ScheduledExecutorService clock;
    private long wallStartNanos;
    private volatile boolean closed;

    private Simulator(LoadedSite loaded, SimulatorOptions options) throws ConfigException, FaultSyntaxException {
        this.site = loaded.config();
        this.options = options;
        this.model = new ContainerModel(site, options.seed(),
                options.epochStartMillis() != null ? options.epochStartMillis() : System.currentTimeMillis());
        SunSpecModels sunspec = new SunSpecModels(options.configSource());
        Map<String, Set<String>> catalog = new LinkedHashMap<>();
        for (DeviceConfig d : site.devices()) {
            DeviceImage image = DeviceImages.build(d.id(), loaded.profileOf(d.id()), sunspec);
            DeviceAdapter adapter = Adapters.forDevice(d, site, model, image);
            devices.put(d.id(), new SimulatedDevice(d, image, adapter, new UnitFaults()));
            Set<String> names = new TreeSet<>();
            image.points().forEach(p -> names.add(p.name()));
            catalog.put(d.id(), names);
        }
        Set<String> gpuIds = new TreeSet<>();
        site.ai().ifPresent(ai -> ai.servers().forEach(s -> gpuIds.add(s.id())));
        this.parser = new FaultParser(new FaultCatalog(catalog, site.miners().count(), gpuIds));
        this.script = new ArrayDeque<>(options.faultScript() == null ? List.of()
                : FaultScript.parse(options.faultScript(), parser));
    }

    /**
     * Builds the container and starts serving it.
     *
     * @throws IllegalArgumentException for a non-loopback bind address or GPU server address
     * @throws ConfigException if a SunSpec profile's models cannot be laid out
     * @throws FaultSyntaxException if the options' fault script has bad lines (nothing is started)
     * @throws IOException if a port cannot be bound (everything already bound is closed again)
     */
    public static Simulator start(LoadedSite site, SimulatorOptions options)
            throws IOException, ConfigException, FaultSyntaxException {
        if (!options.bindAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to bind the simulator to non-loopback address "
                    + options.bindAddress().getHostAddress() + ": it must never be reachable from the network");
        }
        Simulator sim = new Simulator(site, options);
        try {
            sim.startServing();
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    private void startServing() throws IOException {
        synchronized (model) {
            devices.values().forEach(d -> d.adapter().init());
            devices.values().forEach(d -> d.adapter().publish());
        }
        ModbusServers.open(site.connections(), options, servers);
        for (Map.Entry<String, ModbusServer> e : servers.entrySet()) {
            addUnits(e.getValue(), e.getKey(), false);
            addUnits(e.getValue(), e.getKey(), true);
            e.getValue().start();
        }
        if (options.serveMiners() && site.miners().count() > 0) {
            int base = options.minerBasePort() != null ? options.minerBasePort() : site.miners().basePort();
            miners = MinerServers.start(options.bindAddress(), base, site.miners(), model, options.seed());
        }
        Optional<AiSettings> ai = site.ai().filter(a -> !a.servers().isEmpty());
        if (ai.isPresent()) {
            ZoneId zone = site.economics().map(e -> e.tariff().zone()).orElse(ZoneOffset.UTC);
            gpus = GpuBmcs.start(ai.get(), options.gpu(), options.seed(), model.epochMillis(), zone,
                    model::elapsedMillis);
            model.addLoad(gpus::drawKw); // behind the main meter, beside the miners
        }
        Optional<OpenAdrSettings> adr = site.grid().openAdr()
                .filter(o -> "http".equals(o.vtnUrl().getScheme()) && OpenAdrSettings.clearTextAllowed(o.vtnUrl()));
        if (adr.isPresent()) {
            // on the site's port like the Modbus servers, on an ephemeral one when they are (tests)
            vtn = Vtn.forSite(adr.get(), Integer.valueOf(0).equals(options.modbusBasePort()));
        }
        faults = new FaultApplier(model, devices, miners, gpus, vtn);
        if (options.realTime()) {
            startClock();
        }
    }

    /** Enabled devices are added last, so they win a unit id a disabled device shares. */
    private void addUnits(ModbusServer server, String connection, boolean enabled) {
        for (SimulatedDevice d : new ArrayList<>(devices.values())) {
            if (d.config().connection().equals(connection) && d.config().enabled() == enabled) {
                UnitFaults f = server.addUnit(d.config().unitId(), d.image());
                devices.put(d.config().id(), new SimulatedDevice(d.config(), d.image(), d.adapter(), f));
            }
        }
    }

    private void startClock() {
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "container-sim-clock");
            t.setDaemon(true);
            return t;
        });
        wallStartNanos = System.nanoTime();
        clock.scheduleAtFixedRate(this::catchUp, ContainerModel.TICK_MILLIS, ContainerModel.TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Real-time mode: runs the ticks the wall clock (times the time scale) says are due. */
    private void catchUp() {
        try {
            double simMillisDue = (System.nanoTime() - wallStartNanos) / 1e6 * options.timeScale();
            synchronized (model) {
                int budget = 2000;
                while (model.elapsedMillis() + ContainerModel.TICK_MILLIS <= simMillisDue && budget-- > 0) {
                    tick();
                }
                publish();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "simulation tick failed (continuing)", e);
        }
    }

    /** Advances simulated time by whole ticks and publishes: the virtual clock of tests. */
    public void advance(Duration d) {
        synchronized (model) {
            for (long t = 0; t + ContainerModel.TICK_MILLIS <= d.toMillis(); t += ContainerModel.TICK_MILLIS) {
                tick();
            }
            publish();
        }
    }

    private void tick() {
        while (!script.isEmpty() && script.peekFirst().atMillis() <= model.elapsedMillis()) {
            ScheduledFault f = script.pollFirst();
            LOG.info(() -> "fault script line " + f.line() + " at " + f.atMillis() / 1000.0 + " s: " + f.command().text());
            faults.apply(f.command());
        }
        for (SimulatedDevice d : devices.values()) {
            for (PointWrite w : d.image().drainWrites()) {
                d.adapter().apply(w);
            }
        }
        model.step();
    }

    private void publish() {
        devices.values().forEach(d -> d.adapter().publish());
    }

    /**
     * A line a person typed (the simulator's stdin, the demo's terminal): {@code help} is answered with the fault
     * syntax, anything else injected as a fault command; a blank line or a {@code #} comment asks nothing.
     *
     * @return what to show: {@code ok: <command>}, {@code error: <why>} or the syntax; empty for a line that asks nothing
     */
    public Optional<String> answer(String line) {
        String command = line.strip();
        if (command.isEmpty() || command.startsWith("#")) {
            return Optional.empty();
        }
        if (command.equals("help")) {
            return Optional.of(FaultParser.usage());
        }
        try {
            return Optional.of("ok: " + inject(command).text());
        } catch (FaultSyntaxException e) {
            return Optional.of("error: " + e.getMessage());
        }
    }

    /**
     * Parses and applies one fault command (syntax: {@link FaultParser}).
     *
     * @throws FaultSyntaxException with a message for the user; nothing was changed
     */
    public FaultCommand inject(String command) throws FaultSyntaxException {
        FaultCommand c = parser.parse(command);
        synchronized (model) {
            faults.apply(c);
            publish();
        }
        return c;
    }

    /** The port a site connection is served on; throws for a connection not served on a TCP port. */
    public int port(String connectionId) {
        if (!(servers.get(connectionId) instanceof ModbusTcpServer s)) {
            throw new IllegalArgumentException("connection '" + connectionId + "' is not served on a port; served: "
                    + servers.keySet());
        }
        return s.port();
    }

    /** Connection id to port of the connections served on a TCP port, in site order. */
    public Map<String, Integer> ports() {
        Map<String, Integer> out = new LinkedHashMap<>();
        servers.forEach((id, s) -> {
            if (s instanceof ModbusTcpServer tcp) {
                out.put(id, tcp.port());
            }
        });
        return out;
    }

    /** The API port of miner i; throws if miners are not served. */
    public int minerPort(int miner) {
        if (miners == null) {
            throw new IllegalStateException("miners are not served");
        }
        return miners.port(miner);
    }

    /** The GPU servers' BMCs; throws when the site has no GPU servers. */
    public GpuBmcs gpus() {
        if (gpus == null) {
            throw new IllegalStateException("the site has no GPU servers");
        }
        return gpus;
    }

    /** The OpenADR VTN the site's VEN polls; empty when the site's grid.openAdr names none on loopback http. */
    public Optional<Vtn> vtn() {
        return Optional.ofNullable(vtn);
    }

    public ContainerModel model() {
        return model;
    }

    public SiteConfig site() {
        return site;
    }

    public DeviceImage image(String deviceId) {
        SimulatedDevice d = devices.get(deviceId);
        if (d == null) {
            throw new IllegalArgumentException("no device '" + deviceId + "'");
        }
        return d.image();
    }

    /** Human-readable lines: what is served where. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        String host = options.bindAddress().getHostAddress();
        servers.forEach((id, s) -> {
            StringBuilder units = new StringBuilder();
            devices.values().stream().filter(d -> d.config().connection().equals(id))
                    .forEach(d -> units.append(' ').append(d.config().id()).append('=').append(d.config().unitId()));
            out.add("modbus " + id + " on " + s.endpoint() + " units:" + units);
        });
        if (miners != null) {
            out.addAll(miners.describe(host));
        }
        if (gpus != null) {
            out.addAll(gpus.describe());
        }
        if (vtn != null) {
            out.addAll(vtn.describe());
        }
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (clock != null) {
            clock.shutdownNow();
        }
        servers.values().forEach(ModbusServer::close);
        if (miners != null) {
            miners.close();
        }
        if (gpus != null) {
            gpus.close();
        }
        if (vtn != null) {
            vtn.close();
        }
    }
}
