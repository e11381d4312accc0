package io.containeredge.control.power;

import io.containeredge.control.api.Reading;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.site.api.Limits;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's power side on a virtual clock for scenario tests: a 2.5 MVA transformer (2375 kW at
 * pf 0.95, the import cap 2400 kW above it), auxiliary/HPC load the test sets, miners that obey the
 * power guard's limit after {@link #MINER_RESPONSE_S} (sleep confirmation), and a 500 kWh battery
 * that follows its setpoint from the next cycle (unless the test makes it stuck or derated). Each {@link #cycle()} runs the real guard every 250 ms.
 */
final class VirtualPowerSite {

    static final Limits LIMITS = new Limits(40, 45, 20, 60, 2500, 2400, 110, 140);
    static final long CYCLE_MS = 250;
    static final double MINER_RESPONSE_S = 3;
    static final double RATING_KW = 2375;

    /** One cycle as the guard saw and decided it. */
    record Sample(long millis, double importKw, double minerKw, double socPct, double minerLimitKw,
            double batterySetpointKw, double allowedKw, PowerGuard.Outcome outcome) {
    }

    PowerConfig cfg;
    long now;
    double otherKw = 200;
    double minerDemandKw = 2000;
    double socPct = 90;
    double capacityKwh = 500;
    boolean importGood = true;
    boolean socGood = true;
    /** A healthy monitor; NaN makes the reading bad (0x8000) so the guard falls back on its model. */
    double windingC = 90;
    double topOilC = Double.NaN;
    double ambientC = 30;
    boolean ambientGood = true;
    /** The monitor's alarm and trip status bits. */
    boolean alarmBit;
    boolean tripBit;
    double batteryKw;
    /** The inverter accepts every setpoint but delivers nothing (as the simulator's {@code battery-stuck}). */
    boolean batteryStuck;
    /** The most the inverter delivers whatever it is told (a BMS derate). */
    double batteryDeliversAtMostKw = Double.POSITIVE_INFINITY;
    PowerState state = PowerState.initial();
    final List<Sample> samples = new ArrayList<>();

    VirtualPowerSite(BatteryLimits battery) {
        cfg = PowerConfig.defaults(LIMITS, battery);
    }

    /** What the miners draw: their demand, capped by the limit that was in force a response time ago. */
    double minerKw() {
        for (int i = samples.size() - 1; i >= 0; i--) {
            if (samples.get(i).millis() <= now - MINER_RESPONSE_S * 1000) {
                return Math.min(minerDemandKw, samples.get(i).minerLimitKw());
            }
        }
        return minerDemandKw;
    }

    double importKw() {
        return otherKw + minerKw() - batteryKw;
    }

    ContainerInputs inputs() {
        PowerInputs p = new PowerInputs(
                importGood ? Reading.of(importKw(), "meter/active_power") : Reading.bad("meter/active_power", "invalid"),
                reading(windingC, "transformer/winding_temp"),
                reading(topOilC, "transformer/top_oil_temp"),
                ambientGood ? Reading.of(ambientC, "transformer/ambient_temp") : Reading.bad("transformer/ambient_temp", "stale"),
                socGood ? Reading.of(socPct, "battery/m802.SoC") : Reading.bad("battery/m802.SoC", "missing"),
                Reading.of(batteryKw, "battery/m103.W"),
                Reading.of(alarmBit ? 1 : 0, "transformer/status_bits.alarm"),
                Reading.of(tripBit ? 1 : 0, "transformer/status_bits.trip"));
        return new ContainerInputs(now, List.of(), p, minerKw(), 2500);
    }

    private static Reading reading(double v, String source) {
        return Double.isNaN(v) ? Reading.bad(source, "invalid: 0x8000") : Reading.of(v, source);
    }

    PowerGuard.Outcome cycle() {
        double imp = importKw();
        double miners = minerKw();
        PowerGuard.Outcome o = PowerGuard.evaluate(inputs(), cfg, state);
        state = o.state();
        samples.add(new Sample(now, imp, miners, socPct, o.verdict().maxMinerKw(), o.battery().setpointKw(),
                o.allowedImportKw(), o));
        // the inverter follows from the next cycle, inside its state-of-charge window (as the simulator's)
        double sp = o.battery().setpointKw();
        batteryKw = sp > 0 && socPct <= 5 || sp < 0 && socPct >= 100 || batteryStuck ? 0
                : Math.min(sp, batteryDeliversAtMostKw);
        socPct -= 100 * batteryKw * (CYCLE_MS / 3600_000.0) / capacityKwh;
        now += CYCLE_MS;
        return o;
    }

    void runUntil(double seconds) {
        while (now < seconds * 1000) {
            cycle();
        }
    }

    Sample last() {
        return samples.get(samples.size() - 1);
    }

    /** The sample of the cycle at or just before {@code seconds}. */
    Sample at(double seconds) {
        Sample found = null;
        for (Sample s : samples) {
            if (s.millis() <= seconds * 1000) {
                found = s;
            }
        }
        return found;
    }

    boolean alarmed(String id) {
        return last().outcome().verdict().alarms().stream().anyMatch(a -> a.id().equals(id));
    }
}
