package io.containeredge.control.scenario;

import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.actuators.PvExport;
import io.containeredge.control.alarm.AlarmRegistry;
import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.estop.LatchFile;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.control.loop.ControlLoop;
import io.containeredge.control.maintenance.MaintenanceFile;
import io.containeredge.control.maintenance.MaintenanceSchedule;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The real {@link ControlLoop} on a virtual clock: given a {@link Container}, at a time, when
 * {@link Events something happens}, then {@link Expectations something is so}, by or within a time. Each cycle
 * is the loop's own, every 250 ms of virtual time; between cycles the meter reads what the miners, the
 * auxiliaries and any {@link VirtualLoad} draw less what the battery delivers and any {@link VirtualPv} makes.
 *
 * <pre>{@code
 * given(container().minersTake(3, 8)).at(10, s).when(pumpStops()).then(allMinersAsleepBy(13.25, s));
 * given(container()).at(2, s).when(silence("meter-main")).cycle().then(sc -> assertTrue(sc.status().holdWake()));
 * }</pre>
 */
public final class Scenario {

    public static final TimeUnit s = TimeUnit.SECONDS;
    public static final TimeUnit h = TimeUnit.HOURS;
    /** The demo site's PV inverter. */
    static final String PV = "pv";
    /** The demo site's grid frequency point. */
    static final String GRID_METER = "meter-main";
    static final String FREQUENCY = "frequency";
    /** The virtual clocks' start: a wall-clock time in 2027. */
    public static final long T0 = 1_800_000_000_000L;

    private final Container given;
    private final SiteConfig site;
    private final ControlConfig config;
    private final PduMap pdus;
    private final VirtualImage image;
    private final VirtualFleet fleet;
    private final VirtualDevices devices;
    private final VirtualBattery battery;
    /** Null unless the container has PV. */
    private final VirtualPv pv;
    private PvExport pvExport;
    private final List<Cycle> cycles = new ArrayList<>();
    private double auxiliaryKw;
    /** The grid frequency the main meter reads, one new reading per cycle; null: the point is not there. */
    private DoubleSupplier gridHz;
    private long now = T0;
    private long wallOffset;
    private AlarmRegistry alarms;
    private MaintenanceSchedule maintenance;
    private ControlLoop loop;

    private Scenario(Container given) throws Exception {
        this.given = given;
        this.site = given.siteConfig();
        this.config = ControlConfig.of(site.limits(), given.control);
        this.pdus = new PduMap(site);
        this.image = new VirtualImage(() -> now);
        this.fleet = new VirtualFleet(given.miners, given.minerRatedKw, given.delays, () -> now);
        this.auxiliaryKw = given.auxiliaryKw;
        this.battery = new VirtualBattery(given.batteryKwh, HealthyReadings.SOC_PCT);
        this.devices = new VirtualDevices(image, site.battery().orElse(null), battery, () -> now);
        this.pv = Double.isNaN(given.pvSunKw) ? null
                : new VirtualPv(site.planner().orElseThrow().pvRatedKw(), given.pvSunKw);
        HealthyReadings.fill(image, site);
        if (pv != null) {
            devices.pv(pv);
            image.set(PV, "m704.WMaxLimPctEna", 0);
            image.set(PV, "m704.WMaxLimPct", 100);
        }
        followPhysics();
        start();
    }

    public static Scenario given(Container container) {
        try {
            return new Scenario(container);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set the scenario up: " + e.getMessage(), e);
        }
    }

    /** Builds the loop on the data directory, restoring what an earlier loop left there. */
    private void start() {
        Path dir = given.dataDir();
        alarms = new AlarmRegistry(dir.resolve("alarms.jsonl"));
        List<String> watched = site.devices().stream().filter(DeviceConfig::enabled).map(DeviceConfig::id).toList();
        maintenance = new MaintenanceSchedule(watched, new MaintenanceFile(dir.resolve("maintenance.json")), wall());
        loop = given.loop.apply(new LoopParts(site, config, image::snapshot, devices, fleet, given.io, alarms,
                maintenance, new LatchFile(dir.resolve("latches.json")), given.limitSources(), given.loadKinds(),
                given.minerValues));
        if (pv != null) {
            pvExport = PvExport.forSite(site, devices).orElseThrow();
            pvExport.limitExportTo(given.exportLimitKw);
            loop.limitPvExport(pvExport);
        }
    }

    /** A new loop on the same data directory, as after a kill or an upgrade: miners and devices stay as they are. */
    public Scenario restart() {
        try {
            alarms.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
        return this;
    }

    /** Runs cycles until {@code time} after the start. */
    public Scenario at(double time, TimeUnit unit) {
        long until = T0 + millis(time, unit);
        while (now < until) {
            cycle();
        }
        return this;
    }

    /** Runs cycles for {@code time} from now. */
    public Scenario runFor(double time, TimeUnit unit) {
        return at((now - T0) / 1000.0 + millis(time, unit) / 1000.0, s);
    }

    /** One cycle at the current time, then 250 ms pass. */
    public Scenario cycle() {
        followPhysics();
        double importAtStart = importKw();
        double minersAtStart = minerKw();
        double socAtStart = battery.socPct();
        loop.cycle(wall(), now);
        if (loop.status() != null) { // before its first decision the loop has nothing to show
            cycles.add(new Cycle(now, importAtStart, minersAtStart, socAtStart, loop.status()));
        }
        long period = config.cyclePeriod().toMillis();
        battery.run(now, period);
        now += period;
        return this;
    }

    public Scenario when(Event... events) {
        for (Event e : events) {
            e.apply(this);
        }
        return this;
    }

    public Scenario then(Expectation... expectations) {
        for (Expectation e : expectations) {
            e.check(this);
        }
        return this;
    }

    private void followPhysics() {
        image.follow("meter-main", "active_power", importKw());
        image.follow("battery", "m103.W", battery.deliveredKw(now) * 1000);
        image.follow("battery", "m802.SoC", battery.socPct());
        if (gridHz != null) {
            image.follow(GRID_METER, FREQUENCY, gridHz.getAsDouble());
        }
        if (pv != null) {
            image.follow(PV, "m103.W", pv.outputKw(now) * 1000);
        }
    }

    public static long millis(double time, TimeUnit unit) {
        return Math.round(time * unit.toMillis(1));
    }

    void stepMonotonic(long millis) {
        now += millis;
    }

    void stepWall(long millis) {
        wallOffset += millis;
    }

    /** The monotonic clock: every age and timer in the loop. */
    public long now() {
        return now;
    }

    /** The wall clock: status stamps, alarms, maintenance windows. */
    public long wall() {
        return now + wallOffset;
    }

    public ControlLoop loop() {
        return loop;
    }

    /** The last cycle's status, or null before the loop decided. */
    public ControlStatus status() {
        return loop.status();
    }

    /** The last cycle's verdict of one guard ({@code thermal}, {@code power}, {@code estop}). */
    public Verdict verdict(String guard) {
        return status().verdicts().stream().filter(v -> v.guard().equals(guard)).findFirst().orElseThrow();
    }

    public ControlConfig config() {
        return config;
    }

    /** Which PDU socket feeds which miner. */
    public PduMap pdus() {
        return pdus;
    }

    public VirtualImage image() {
        return image;
    }

    public VirtualFleet fleet() {
        return fleet;
    }

    public VirtualDevices devices() {
        return devices;
    }

    public GatewayIo gatewayIo() {
        return given.io;
    }

    public AlarmRegistry alarms() {
        return alarms;
    }

    public MaintenanceSchedule maintenance() {
        return maintenance;
    }

    /** The active alarm with this id, or null. */
    public Alarm activeAlarm(String id) {
        return alarms.active().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    public boolean isCut(int miner) {
        return pdus.isCut(image.snapshot(), miner);
    }

    /** What the miners draw: a miner whose socket is off draws nothing. */
    public double minerKw() {
        double w = 0;
        for (int i = 0; i < fleet.size(); i++) {
            w += isCut(i) ? 0 : fleet.miner(i).powerW(now);
        }
        return w / 1000;
    }

    public long minersAwake() {
        int awake = 0;
        for (int i = 0; i < fleet.size(); i++) {
            awake += !isCut(i) && fleet.miner(i).awake(now) ? 1 : 0;
        }
        return awake;
    }

    /**
     * What the meter reads: the miners, the auxiliaries and the added loads, less what the battery delivers and
     * the PV makes.
     */
    public double importKw() {
        return minerKw() + auxiliaryKw + addedLoadsKw() - battery.deliveredKw(now) - pvKw();
    }

    /** What the PV plant makes now, 0 without one. */
    public double pvKw() {
        return pv == null ? 0 : pv.outputKw(now);
    }

    /** The PV plant, null unless the container has one ({@link Container#pv}). */
    public VirtualPv pv() {
        return pv;
    }

    /** The loop's PV export limiter, null unless the container has PV. */
    public PvExport pvExport() {
        return pvExport;
    }

    private double addedLoadsKw() {
        double kw = 0;
        for (VirtualLoad l : given.loads) {
            kw += l.drawKw();
        }
        return kw;
    }

    /** The load kind the container was given {@link Container#with(VirtualLoad) with} under this name. */
    public VirtualLoad load(String name) {
        return given.loads.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no load kind " + name));
    }

    /** From the next cycle on the main meter reads the grid frequency from {@code hz}, a new reading each cycle. */
    void gridHz(DoubleSupplier hz) {
        gridHz = hz;
        image.answers(GRID_METER, FREQUENCY);
    }

    void auxiliaryKw(double kw) {
        auxiliaryKw = kw;
    }

    public VirtualBattery battery() {
        return battery;
    }

    /** Every cycle that decided, oldest first. */
    public List<Cycle> cycles() {
        return cycles;
    }

    /** The last cycle. */
    public Cycle last() {
        return cycles.get(cycles.size() - 1);
    }

    /** The cycle at or just before {@code time} after the start. */
    public Cycle cycleAt(double time, TimeUnit unit) {
        long t = T0 + millis(time, unit);
        Cycle found = null;
        for (Cycle c : cycles) {
            if (c.millis() <= t) {
                found = c;
            }
        }
        return found;
    }
}
