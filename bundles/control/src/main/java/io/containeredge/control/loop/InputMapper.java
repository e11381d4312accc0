package io.containeredge.control.loop;

import io.containeredge.control.api.Reading;
import io.containeredge.control.power.PowerInputs;
import io.containeredge.control.thermal.CoolingInputs;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.List;
import java.util.Optional;

/**
 * Reads the guards' inputs out of a process-image snapshot, by device role and the point names the
 * shipped profiles use (a new profile for the same role uses the same names). A device or point that
 * is not there is a bad reading, so a site without, say, a CDU can never look healthy.
 *
 * <p>Every device of a role counts, never only the first: each CDU is a cooling loop of its own (the
 * thermal guard acts on the worst), the hottest transformer reading counts and a bad one on any monitor is
 * bad, a status bit set on any monitor is set. The import is the site's import meter
 * ({@link SiteConfig#importMeter}), the battery its one inverter ({@link SiteConfig#battery}).
 *
 * <p>A transformer monitor's {@code probe_fault} bit makes its temperatures invalid (the thermal model
 * takes over); its {@code alarm} and {@code trip} bits reach the power guard as
 * {@link PowerInputs#transformerAlarm} and {@link PowerInputs#transformerTrip}.
 */
public final class InputMapper {

    static final String STATUS = "status_bits.";

    private final List<String> cdus;
    private final List<String> transformers;
    private final String meter;
    private final String battery;

    public InputMapper(SiteConfig site) {
        this.cdus = site.enabledDevicesWithRole("cdu");
        this.transformers = site.enabledDevicesWithRole("transformer");
        this.meter = site.importMeter().orElse(null);
        this.battery = site.battery().orElse(null);
    }

    /** @param nowMillis the cycle's monotonic time, see {@link ContainerInputs#nowMillis} */
    public ContainerInputs map(Snapshot s, long nowMillis, double minerKw, double minerRatedKw) {
        List<CoolingInputs> loops = cdus.isEmpty() ? List.of(loop(s, null))
                : cdus.stream().map(cdu -> loop(s, cdu)).toList();
        PowerInputs power = new PowerInputs(
                importKw(s),
                Readings.worst(transformers.stream().map(t -> transformerTemp(s, t, "winding_temp")).toList(),
                        "transformer/winding_temp"),
                Readings.worst(transformers.stream().map(t -> transformerTemp(s, t, "top_oil_temp")).toList(),
                        "transformer/top_oil_temp"),
                Readings.firstGood(
                        Readings.worst(transformers.stream().map(t -> transformerTemp(s, t, "ambient_temp")).toList(),
                                "transformer/ambient_temp"),
                        Readings.worst(cdus.stream().map(c -> read(s, c, "ambient_temp")).toList(), "cdu/ambient_temp")),
                read(s, battery, "m802.SoC"),
                acKw(s, battery),
                Readings.anySet(transformers.stream().map(t -> read(s, t, STATUS + "alarm")).toList(),
                        "transformer/" + STATUS + "alarm"),
                Readings.anySet(transformers.stream().map(t -> read(s, t, STATUS + "trip")).toList(),
                        "transformer/" + STATUS + "trip"));
        return new ContainerInputs(nowMillis, loops, power, minerKw, minerRatedKw);
    }

    /** One CDU's cooling loop; a null CDU (none in the site) gives a loop of bad readings. */
    private static CoolingInputs loop(Snapshot s, String cdu) {
        return new CoolingInputs(
                read(s, cdu, "supply_temp"),
                read(s, cdu, "return_temp"),
                read(s, cdu, "flow"),
                pumpRunning(s, cdu),
                read(s, cdu, "alarm_bits.leak"),
                read(s, cdu, "alarm_bits.smoke"),
                read(s, cdu, "alarm_bits.level_low"),
                read(s, cdu, "fault_bits"));
    }

    private static Reading pumpRunning(Snapshot s, String cdu) {
        if (cdu == null) {
            return Reading.bad("cdu/pump_state", "no cdu in the site");
        }
        PointValue v = s.get(cdu, "pump_state");
        if (v.quality() != Quality.GOOD) {
            return Reading.of(v);
        }
        return Reading.of("running".equals(v.value()) ? 1 : 0, v.key());
    }

    /** A temperature of a monitor whose probe fault bit is set is not trusted, whatever it reads. */
    private static Reading transformerTemp(Snapshot s, String transformer, String point) {
        Reading probe = read(s, transformer, STATUS + "probe_fault");
        if (probe.set()) {
            return Reading.bad(transformer + "/" + point, "probe fault (" + probe.source() + ")");
        }
        return read(s, transformer, point);
    }

    private Reading importKw(Snapshot s) {
        Reading kw = read(s, meter, "active_power");
        if (kw.good() || meter == null) {
            return kw;
        }
        Optional<Reading> sunspec = List.of("m203.W", "m213.W").stream().map(p -> read(s, meter, p))
                .filter(Reading::good).findFirst();
        return sunspec.map(InputMapper::kilo).orElse(kw);
    }

    /**
     * The summed AC output of inverters (SunSpec 103 {@code W}, else 701), kW, + into the bus: not good when one of
     * them is not (never a partial sum that looks like a cloud), nor when there is none. Read by the PV export limit
     * and the planner from the same snapshot.
     */
    public static Reading inverterKw(Snapshot s, List<String> devices) {
        if (devices.isEmpty()) {
            return Reading.bad("pv", "no PV inverter in the site");
        }
        double kw = 0;
        for (String device : devices) {
            Reading r = acKw(s, device);
            if (!r.good()) {
                return r;
            }
            kw += r.value();
        }
        return Reading.of(kw, "pv");
    }

    /** One inverter's AC power, kW (103 {@code W}, else 701). */
    private static Reading acKw(Snapshot s, String device) {
        return kilo(Readings.firstGood(read(s, device, "m103.W"), read(s, device, "m701.W")));
    }

    private static Reading read(Snapshot s, String device, String point) {
        if (device == null) {
            return Reading.bad(point, "no such device in the site");
        }
        return Reading.of(s.get(device, point));
    }

    private static Reading kilo(Reading w) {
        return w.good() ? Reading.of(w.value() / 1000, w.source()) : w;
    }
}
