package io.containeredge.control.loop;

import io.containeredge.control.actuators.BatteryActuator;
import io.containeredge.control.actuators.PduMap;
import io.containeredge.control.alarm.AlarmRegistry;
import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.estop.LatchFile;
import io.containeredge.control.limit.LimitSources;
import io.containeredge.control.load.LoadKinds;
import io.containeredge.control.maintenance.MaintenanceFile;
import io.containeredge.control.maintenance.MaintenanceSchedule;
import io.containeredge.control.miner.MinerEndpoint;
import io.containeredge.control.miner.MinerMode;
import io.containeredge.control.miner.MinerStatus;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.gpio.UnavailableGatewayIo;
import io.containeredge.gpio.api.GatewayIo;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.site.api.ControlSettings;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;

/**
 * The real {@link ControlLoop} on a virtual clock around the demo site: a process image the test sets
 * point by point, 40 miners of 3.5 kW that obey sleep, wake and power targets at once (sleep and
 * wake never, when {@link #minersObey} is off), a battery inverter that delivers its last 704 setpoint
 * until its reversion time runs out (nothing, when {@link #batteryFollows} is off), and a device writer
 * that records every write.
 */
public final class LoopRig {

    static final long T0 = 1_800_000_000_000L;
    static final int MINERS = 40;

    /** One write the loop sent to a device. */
    record Write(String device, String point, Object value) {
    }

    private static final GatewayIo TEST_IO = new UnavailableGatewayIo("test");

    final SiteConfig site;
    final Map<String, PointValue> image = new LinkedHashMap<>();
    final Map<Integer, MinerMode> modes = new TreeMap<>();
    final Map<Integer, Double> targetsW = new TreeMap<>();
    final List<Write> writes = new CopyOnWriteArrayList<>();
    final AlarmRegistry alarms;
    final MaintenanceSchedule maintenance;
    final ControlLoop loop;
    boolean minersObey = true;
    boolean batteryFollows = true;
    /** What load kinds other than the miners draw (a test's own kinds), metered with the miners. */
    DoubleSupplier otherLoadsKw = () -> 0;
    long now = T0;
    private double batterySetpointW;
    private long batteryWrittenAt = Long.MIN_VALUE;

    LoopRig(Path dir) throws Exception {
        this(dir, SiteDocuments.loadBuiltIn("demo-container").config(), ControlSettings.DEFAULTS, TEST_IO);
    }

    /** With more limit sources and load kinds registered than the guards and the miners. */
    LoopRig(Path dir, LimitSources moreLimits, LoadKinds moreLoads) throws Exception {
        this(dir, SiteDocuments.loadBuiltIn("demo-container").config(), ControlSettings.DEFAULTS, TEST_IO, moreLimits,
                moreLoads);
    }

    /** The rig around another site; only the demo site's devices get healthy readings. */
    LoopRig(Path dir, SiteConfig site) throws Exception {
        this(dir, site, ControlSettings.DEFAULTS, TEST_IO);
    }

    /** With the site's {@code control} section replaced by {@code control}. */
    LoopRig(Path dir, ControlSettings control) throws Exception {
        this(dir, SiteDocuments.loadBuiltIn("demo-container").config(), control, TEST_IO);
    }

    /** A rig whose data (alarm journal, maintenance and latch files) is in {@code dir}, with this gateway I/O. */
    LoopRig(Path dir, GatewayIo io) throws Exception {
        this(dir, SiteDocuments.loadBuiltIn("demo-container").config(), ControlSettings.DEFAULTS, io);
    }

    private LoopRig(Path dir, SiteConfig site, ControlSettings control, GatewayIo io) throws Exception {
        this(dir, site, control, io, LimitSources.none(), LoadKinds.none());
    }

    private LoopRig(Path dir, SiteConfig site, ControlSettings control, GatewayIo io, LimitSources moreLimits,
            LoadKinds moreLoads) throws Exception {
        this.site = site;
        alarms = new AlarmRegistry(dir.resolve("alarms.jsonl"));
        List<String> devices = site.devices().stream().filter(DeviceConfig::enabled).map(DeviceConfig::id).toList();
        maintenance = new MaintenanceSchedule(devices, new MaintenanceFile(dir.resolve("maintenance.json")), now);
        DeviceWriter writer = (device, point, value) -> {
            writes.add(new Write(device, point, value));
            if (device.equals("battery") && point.equals("m704.WSet")) {
                batterySetpointW = ((Number) value).doubleValue();
                batteryWrittenAt = now;
            }
            return CompletableFuture.completedFuture(null);
        };
        loop = new ControlLoop(ControlConfig.of(site.limits(), control), new InputMapper(site), new PduMap(site),
                site.enabledDevicesWithRole("cdu"), site.battery().orElse(null),
                () -> new Snapshot(now, List.copyOf(image.values())), writer, new Fleet(),
                io, alarms, maintenance, new LatchFile(dir.resolve("latches.json")), moreLimits, moreLoads);
        for (int i = 0; i < MINERS; i++) {
            modes.put(i, MinerMode.AWAKE);
            targetsW.put(i, 3500.0);
        }
        healthyContainer();
    }

    /** Every device answering with values inside all limits; the battery offers model 704 and 802. */
    private void healthyContainer() {
        set("cdu", "supply_temp", 36.0);
        set("cdu", "return_temp", 42.0);
        set("cdu", "flow", 120.0);
        set("cdu", "pump_state", "running");
        set("cdu", "alarm_bits.leak", false);
        set("cdu", "alarm_bits.smoke", false);
        set("cdu", "alarm_bits.level_low", false);
        set("cdu", "fault_bits", 0.0);
        set("cdu", "ambient_temp", 25.0);
        set("transformer", "winding_temp", 80.0);
        set("transformer", "top_oil_temp", 60.0);
        set("transformer", "ambient_temp", 25.0);
        set("meter-main", "active_power", importKw());
        set("meter-aux", "m203.W", 0.0);
        for (String pdu : site.enabledDevicesWithRole("pdu")) {
            set(pdu, "socket_01", true);
        }
        set("battery", "m802.SoC", 60.0);
        set("battery", "m103.W", 0.0);
        set("battery", "m802.WChaRteMax", 250_000.0);
        set("battery", "m802.WDisChaRteMax", 250_000.0);
        set("battery", "m802.CtrlHb", 0.0);
        set("battery", "m704.WSet", 0.0);
        set("battery", "m704.WSetEna", 0.0);
    }

    public void set(String device, String point, Object value) {
        image.put(device + "/" + point, PointValue.good(device, point, value, "", now));
    }

    /** Every point of the device turns stale: it stopped answering. */
    void silence(String device) {
        image.replaceAll((k, v) -> v.device().equals(device) ? v.withQuality(Quality.STALE, "no answer") : v);
    }

    double minerW(int miner) {
        return modes.get(miner) == MinerMode.AWAKE ? targetsW.get(miner) : 25;
    }

    double minerKw() {
        return modes.keySet().stream().mapToDouble(this::minerW).sum() / 1000;
    }

    /** What the meter reads: the miners plus 25 kW of auxiliaries and any other loads, less what the battery delivers. */
    double importKw() {
        return minerKw() + 25 + otherLoadsKw.getAsDouble() - batteryKw();
    }

    /** What the inverter delivers, + discharge: its setpoint until the reversion time runs out, unless stuck. */
    double batteryKw() {
        boolean inForce = batteryWrittenAt != Long.MIN_VALUE
                && now - batteryWrittenAt < BatteryActuator.REVERSION_S * 1000L;
        return batteryFollows && inForce ? batterySetpointW / 1000 : 0;
    }

    /** The battery at 10 %, under its reserve: the power guard cannot discharge it. */
    void batteryEmpty() {
        set("battery", "m802.SoC", 10.0);
    }

    public long minersAwake() {
        return modes.values().stream().filter(m -> m == MinerMode.AWAKE).count();
    }

    /** Runs cycles for {@code seconds} of virtual time; the meter and the battery's reading follow. */
    public void runFor(double seconds) {
        long end = now + (long) (seconds * 1000);
        while (now < end) {
            set("meter-main", "active_power", importKw());
            set("battery", "m103.W", batteryKw() * 1000);
            loop.cycle(now);
            now += 250;
        }
    }

    List<Write> writesTo(String device) {
        return writes.stream().filter(w -> w.device().equals(device)).toList();
    }

    public Alarm activeAlarm(String id) {
        return alarms.active().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    private final class Fleet implements ControlLoop.Fleet {
        private final Map<Integer, MinerEndpoint> endpoints = new TreeMap<>();

        Fleet() {
            for (int i = 0; i < MINERS; i++) {
                endpoints.put(i, new MinerEndpoint(i, "127.0.0.1", 14100 + i, 3500));
            }
        }

        @Override
        public Map<Integer, MinerEndpoint> endpoints() {
            return endpoints;
        }

        @Override
        public List<MinerStatus> statuses() {
            List<MinerStatus> all = new ArrayList<>();
            modes.forEach((i, mode) -> all.add(new MinerStatus(i, true, mode, minerW(i), targetsW.get(i), 0, Double.NaN,
                    now, null)));
            return all;
        }

        @Override
        public CompletableFuture<List<CommandOutcome>> execute(List<MinerCommand> commands) {
            List<CommandOutcome> outcomes = new ArrayList<>();
            for (MinerCommand c : commands) {
                if (c.kind() == MinerCommand.Kind.POWER_TARGET) {
                    targetsW.put(c.index(), c.targetW());
                } else if (minersObey) {
                    modes.put(c.index(), c.kind() == MinerCommand.Kind.SLEEP ? MinerMode.SLEEPING : MinerMode.AWAKE);
                }
                outcomes.add(new CommandOutcome(c, true, "ok", now, 1));
            }
            return CompletableFuture.completedFuture(outcomes);
        }
    }
}
