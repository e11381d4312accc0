package io.containeredge.control;

import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.site.SiteConfig;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.List;
import java.util.Optional;

/**
 * Reads the guards' inputs out of a process-image snapshot, by device role and the point names the
 * shipped profiles use (a new profile for the same role uses the same names). A device or point that
 * is not there is a bad reading, so a site without, say, a CDU can never look healthy.
 */
public final class InputMapper {

    private final String cdu;
    private final String transformer;
    private final String meter;
    private final String battery;

    public InputMapper(SiteConfig site) {
        this.cdu = site.firstDeviceWithRole("cdu").orElse(null);
        this.transformer = site.firstDeviceWithRole("transformer").orElse(null);
        this.meter = site.firstDeviceWithRole("meter").orElse(null);
        this.battery = site.firstDeviceWithRole("battery").orElse(null);
    }

    public ContainerInputs map(Snapshot s, long nowMillis, double minerKw, double minerRatedKw) {
        CoolingInputs cooling = new CoolingInputs(
                read(s, cdu, "supply_temp"),
                read(s, cdu, "return_temp"),
                read(s, cdu, "flow"),
                pumpRunning(s),
                read(s, cdu, "alarm_bits.leak"),
                read(s, cdu, "alarm_bits.smoke"),
                read(s, cdu, "alarm_bits.level_low"),
                read(s, cdu, "fault_bits"));
        PowerInputs power = new PowerInputs(
                importKw(s),
                read(s, transformer, "winding_temp"),
                read(s, transformer, "top_oil_temp"),
                firstGood(read(s, transformer, "ambient_temp"), read(s, cdu, "ambient_temp")),
                read(s, battery, "m802.SoC"),
                kilo(firstGood(read(s, battery, "m103.W"), read(s, battery, "m701.W"))));
        return new ContainerInputs(nowMillis, cooling, power, minerKw, minerRatedKw);
    }

    private Reading pumpRunning(Snapshot s) {
        if (cdu == null) {
            return Reading.bad("cdu/pump_state", "no cdu in the site");
        }
        PointValue v = s.get(cdu, "pump_state");
        if (v.quality() != Quality.GOOD) {
            return Reading.of(v);
        }
        return Reading.of("running".equals(v.value()) ? 1 : 0, v.key());
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

    private static Reading read(Snapshot s, String device, String point) {
        if (device == null) {
            return Reading.bad(point, "no such device in the site");
        }
        return Reading.of(s.get(device, point));
    }

    private static Reading firstGood(Reading a, Reading b) {
        return a.good() ? a : b;
    }

    private static Reading kilo(Reading w) {
        return w.good() ? Reading.of(w.value() / 1000, w.source()) : w;
    }
}
