package io.containeredge.control.scenario;

import io.containeredge.control.allocation.MinerValue;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.load.LoadKind;
import io.containeredge.control.load.LoadKinds;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.gpio.UnavailableGatewayIo;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.site.api.ControlSettings;
import io.containeredge.site.api.Limits;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * What a scenario is given: the site (the demo container unless told), its control settings, the miners and
 * how fast they obey, the gateway I/O, where the loop keeps its data, and any limit source or load kind the
 * loop has beside its guards and the miners. Every setting has the value most scenarios want; a test names
 * only what its story is about.
 *
 * <pre>{@code
 * given(container().with(new RackLoad()).with(new GridEventLimit())).at(15, s).then(bindingIs("grid event: 4CP"));
 * }</pre>
 */
public final class Container {

    SiteConfig site;
    ControlSettings control = ControlSettings.DEFAULTS;
    int miners = 40;
    IntToDoubleFunction minerRatedKw = i -> 3.5;
    Delays delays = new Delays(0, 0, 0, false);
    double auxiliaryKw = 25;
    double batteryKwh = 500;
    /** The sun's PV output and the export limit, kW; no PV (no limiter) when the sun is NaN. */
    double pvSunKw = Double.NaN;
    double exportLimitKw;
    GatewayIo io = new UnavailableGatewayIo("test");
    Path dataDir;
    final List<LimitSource> limitSources = new ArrayList<>();
    final List<VirtualLoad> loads = new ArrayList<>();
    IntFunction<MinerValue> minerValues = index -> MinerValue.NONE;
    Function<LoopParts, ControlLoop> loop = LoopParts::newLoop;

    /**
     * How long a miner takes to sleep, to wake and to draw a new power target after the command; whether it says it
     * sleeps at the command while its draw falls over the sleep time (else it hashes on and then sleeps at once).
     */
    record Delays(long sleepMillis, long wakeMillis, long targetMillis, boolean gradualSleep) {
    }

    private Container() {
    }

    /** The demo container: 40 miners of 3.5 kW that obey at once, no gateway I/O, every reading healthy. */
    public static Container container() {
        return new Container();
    }

    public Container miners(int count, double ratedKw) {
        return miners(count, i -> ratedKw);
    }

    /** Miners of different ratings, as a fleet of several models: miner i is rated {@code ratedKwOf(i)}. */
    public Container miners(int count, IntToDoubleFunction ratedKwOf) {
        miners = count;
        minerRatedKw = ratedKwOf;
        return this;
    }

    /** A miner goes to sleep this long after the command, and wakes that long after its wake command. */
    public Container minersTake(double sleepSeconds, double wakeSeconds) {
        delays = new Delays(Math.round(sleepSeconds * 1000), Math.round(wakeSeconds * 1000), delays.targetMillis(),
                delays.gradualSleep());
        return this;
    }

    /**
     * A miner told to sleep says it sleeps at once while its draw falls evenly to a sleeping miner's few watts over
     * {@code seconds}, as the simulator's miners and real firmwares do.
     */
    public Container minersGoToSleepOver(double seconds) {
        delays = new Delays(Math.round(seconds * 1000), delays.wakeMillis(), delays.targetMillis(), true);
        return this;
    }

    /** A miner draws a new power target this long after the command (at once otherwise). */
    public Container powerTargetsTake(double seconds) {
        delays = new Delays(delays.sleepMillis(), delays.wakeMillis(), Math.round(seconds * 1000),
                delays.gradualSleep());
        return this;
    }

    /** What the container draws beside the miners (pumps, fans, an HPC rack): 25 kW unless told. */
    public Container auxiliaryKw(double kw) {
        auxiliaryKw = kw;
        return this;
    }

    /**
     * The demo site's PV plant (rated at its {@code pvRatedKw}) makes {@code sunKw} and answers SunSpec 704 caps;
     * the loop limits its export at {@code exportLimitKw} as the control component wires it. Without this call
     * the plant is not there (no PV readings, no limiter).
     */
    public Container pv(double sunKw, double exportLimitKw) {
        pvSunKw = sunKw;
        this.exportLimitKw = exportLimitKw;
        return this;
    }

    /** Another site; only the demo site's devices get healthy readings, the test sets the others. */
    public Container site(SiteConfig other) {
        site = other;
        return this;
    }

    /** The site with these limits (coolant, transformer, import cap) instead of its own, every other section kept. */
    public Container limits(Limits limits) {
        try {
            SiteConfig s = siteConfig();
            site = new SiteConfig(s.site(), s.container(), s.description(), s.connections(), s.devices(), s.miners(),
                    limits, s.api(), s.simulation(), s.control(), s.economics(), s.planner(), s.ai(), s.grid());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** The site's {@code control} section replaced by these settings. */
    public Container control(ControlSettings settings) {
        control = settings;
        return this;
    }

    public Container gatewayIo(GatewayIo gatewayIo) {
        io = gatewayIo;
        return this;
    }

    /** The alarm journal, maintenance and latch files are kept here (a scratch directory otherwise). */
    public Container dataIn(Path dir) {
        dataDir = dir;
        return this;
    }

    /** One more limit source, run after the guards: the arbiter takes the lowest limit of all. */
    public Container with(LimitSource source) {
        limitSources.add(source);
        return this;
    }

    /**
     * One more limit source that also values the miners, as economics does: the allocator curtails the least
     * valuable first, restores the most valuable first and holds each at its step.
     */
    public Container with(LimitSource source, IntFunction<MinerValue> values) {
        minerValues = values;
        return with(source);
    }

    /** One more load kind after the miners, behind the main meter: it shares the budget by its claim. */
    public Container with(VirtualLoad load) {
        loads.add(load);
        return this;
    }

    /**
     * How the loop is built from its parts, replacing it wholesale: for a test about the wiring itself. A limit
     * source or a load kind is added with {@link #with(LimitSource)} and {@link #with(VirtualLoad)}; the parts
     * carry them to the factory.
     */
    public Container loop(Function<LoopParts, ControlLoop> factory) {
        loop = factory;
        return this;
    }

    LimitSources limitSources() {
        return LimitSources.of(limitSources.toArray(LimitSource[]::new));
    }

    LoadKinds loadKinds() {
        return LoadKinds.of(loads.toArray(LoadKind[]::new));
    }

    SiteConfig siteConfig() throws Exception {
        if (site == null) {
            site = SiteDocuments.loadBuiltIn("demo-container").config();
        }
        return site;
    }

    Path dataDir() {
        if (dataDir == null) {
            dataDir = ScratchDirs.create();
        }
        return dataDir;
    }
}
