package io.containeredge.control.scenario;

import io.containeredge.control.economics.EconomicInputs;
import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.testing.FakeGatewayIo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The events a scenario is told about, by what happens rather than by register. */
public final class Events {

    private Events() {
    }

    public static Event reading(String device, String point, Object value) {
        return s -> s.image().set(device, point, value);
    }

    /** The grid frequency the main meter reads from the next cycle on, a new reading each cycle. */
    public static Event gridFrequency(double hz) {
        return gridFrequencies(hz);
    }

    /**
     * The main meter reads these frequencies, one per cycle in turn (noise of a given shape), over and over: a new
     * reading each cycle.
     */
    public static Event gridFrequencies(double... hz) {
        return s -> {
            int[] next = {0};
            s.gridHz(() -> hz[next[0]++ % hz.length]);
        };
    }

    /** The meter answers the frequency point with a value that cannot be trusted (NaN), until it is set again. */
    public static Event gridFrequencyBad() {
        return s -> s.image().invalid(Scenario.GRID_METER, Scenario.FREQUENCY, "Hz", "NaN");
    }

    public static Event pumpStops() {
        return reading("cdu", "pump_state", "stopped");
    }

    public static Event pumpRuns() {
        return reading("cdu", "pump_state", "running");
    }

    public static Event coolantSupplyAt(double celsius) {
        return reading("cdu", "supply_temp", celsius);
    }

    /** The supply probe answers with a value that cannot be trusted. */
    public static Event coolantSupplyBad() {
        return s -> s.image().invalid("cdu", "supply_temp", "degC", "sentinel 0x8000");
    }

    public static Event leak() {
        return reading("cdu", "alarm_bits.leak", true);
    }

    public static Event leakCleared() {
        return reading("cdu", "alarm_bits.leak", false);
    }

    public static Event windingAt(double celsius) {
        return transformerAt("winding_temp", celsius);
    }

    /** The battery at 10 %, under its reserve: the power guard cannot discharge it. */
    public static Event batteryEmpty() {
        return batterySocAt(10);
    }

    public static Event batterySocAt(double pct) {
        return s -> s.battery().socPct(pct);
    }

    /** The inverter accepts every setpoint and delivers nothing (or follows again). */
    public static Event batteryFollows(boolean follows) {
        return s -> s.battery().follows = follows;
    }

    /** The inverter delivers this much at most, whatever it is told (a BMS derate). */
    public static Event batteryDeliversAtMost(double kw) {
        return s -> s.battery().deliversAtMostKw = kw;
    }

    /** The inverter offers no charge or discharge power (model 802 rates 0): the power guard has no battery. */
    public static Event batteryOffersNoPower() {
        return s -> {
            s.image().set("battery", "m802.WChaRteMax", 0.0);
            s.image().set("battery", "m802.WDisChaRteMax", 0.0);
        };
    }

    /** The state-of-charge reading cannot be trusted. */
    public static Event batterySocBad() {
        return s -> s.image().invalid("battery", "m802.SoC", "%", "sentinel 0x8000");
    }

    /** What the container draws beside the miners changes (an HPC rack comes on). */
    /** The sun gives the PV plant this much (a cloud, a clear sky). */
    public static Event sunGives(double kw) {
        return s -> s.pv().sunKw(kw);
    }

    /** The grid's export limit changes (a new agreement, the grid operator's dynamic limit). */
    public static Event exportLimitAt(double kw) {
        return s -> s.pvExport().limitExportTo(kw);
    }

    public static Event auxiliaryLoadAt(double kw) {
        return s -> s.auxiliaryKw(kw);
    }

    /** The miners' work demands this much in all: none draws more than its share, whatever its target. */
    public static Event minerDemandAt(double kw) {
        return s -> s.fleet().demandKw(kw);
    }

    /** The main meter's reading cannot be trusted. */
    public static Event importBad() {
        return s -> s.image().invalid("meter-main", "active_power", "kW", "sentinel 0x8000");
    }

    /** A transformer temperature ({@code winding_temp}, {@code top_oil_temp}); NaN reads as invalid (0x8000). */
    public static Event transformerAt(String point, double celsius) {
        return s -> {
            if (Double.isNaN(celsius)) {
                s.image().invalid("transformer", point, "degC", "invalid: 0x8000");
            } else {
                s.image().set("transformer", point, celsius);
            }
        };
    }

    /** The ambient temperature at the transformer and the CDU. */
    public static Event ambientAt(double celsius) {
        return s -> {
            s.image().set("transformer", "ambient_temp", celsius);
            s.image().set("cdu", "ambient_temp", celsius);
        };
    }

    public static Event ambientBad() {
        return s -> {
            s.image().invalid("transformer", "ambient_temp", "degC", "stale");
            s.image().invalid("cdu", "ambient_temp", "degC", "stale");
        };
    }

    /** The transformer monitor's {@code alarm} or {@code trip} status bit. */
    public static Event transformerBit(String bit, boolean set) {
        return reading("transformer", "status_bits." + bit, set);
    }

    /** Every point of the device turns stale: it stopped answering. */
    public static Event silence(String device) {
        return s -> s.image().silence(device);
    }

    /** The main meter answers again after a silence or at start, with what the container imports. */
    public static Event meterAnswers() {
        return s -> s.image().answers("meter-main", "active_power");
    }

    public static Event importCapOverride(double capKw, Duration duration, String source) {
        return s -> s.loop().overrideImportCap(capKw, duration, source, s.now());
    }

    public static Event importCapLifted(String source) {
        return s -> s.loop().liftImportCap(source, s.now());
    }

    public static Event maintenance(String device, Duration duration) {
        return s -> s.maintenance().start(device, duration, "tech", s.wall());
    }

    /** A person resets at the container (console, API): a latched trip and e-stop. */
    public static Event reset() {
        return s -> s.loop().requestReset();
    }

    /** A reset from the cloud: a thermal trip only. */
    public static Event remoteReset() {
        return s -> s.loop().requestRemoteReset();
    }

    /** The miners ignore sleep and wake commands from now on; power targets still take. */
    public static Event minersIgnoreSleepAndWake() {
        return s -> s.fleet().ignoreSleepAndWake = true;
    }

    /** This miner ignores sleep commands. */
    public static Event minerIgnoresSleep(int miner) {
        return s -> s.fleet().miner(miner).stubborn = true;
    }

    /** Every miner is asleep now, whatever it was told (a feeder trip upstream, a firmware hiccup). */
    public static Event allMinersFallAsleep() {
        return s -> {
            for (int i = 0; i < s.fleet().size(); i++) {
                s.fleet().miner(i).set(false);
            }
        };
    }

    /** The relay of this miner's PDU socket does not switch: a cut sent to it does not take. */
    public static Event socketStuck(int miner) {
        return s -> s.devices().stick(s.pdus().device(miner), s.pdus().socketPoint(miner));
    }

    public static Event emergencyStopPressed(boolean pressed) {
        return s -> fakeIo(s).estopPressed = pressed;
    }

    /** The gateway's own leak contact. */
    public static Event gatewayLeak(boolean wet) {
        return s -> fakeIo(s).leak = wet;
    }

    public static Event gatewayLeakUnreadable() {
        return s -> fakeIo(s).leakReadable = false;
    }

    /** The wall clock steps (NTP, an operator setting the date); the monotonic clock does not. */
    public static Event wallClockSteps(double time, TimeUnit unit) {
        return s -> s.stepWall(Scenario.millis(time, unit));
    }

    /** The monotonic clock steps, as no real one does: what a negative interval would do to the guards. */
    public static Event monotonicClockSteps(double time, TimeUnit unit) {
        return s -> s.stepMonotonic(Scenario.millis(time, unit));
    }

    /**
     * The market publishes this energy price in 15-minute slots for the next {@code hours}, from the slot the wall
     * clock is in: it replaces every live price received before.
     */
    public static Event livePriceAt(EconomicInputs inputs, double usdPerMwh, double hours) {
        return s -> {
            long slot = Duration.ofMinutes(15).toMillis();
            long first = s.wall() - Math.floorMod(s.wall(), slot);
            List<PriceSlots.Slot> slots = new ArrayList<>();
            for (long t = first; t < s.wall() + Scenario.millis(hours, Scenario.h); t += slot) {
                slots.add(new PriceSlots.Slot(t, Duration.ofMinutes(15), usdPerMwh));
            }
            inputs.updatePrices(new PriceSlots(slots, s.wall()));
        };
    }

    public static Event restart() {
        return Scenario::restart;
    }

    private static FakeGatewayIo fakeIo(Scenario s) {
        if (s.gatewayIo() instanceof FakeGatewayIo fake) {
            return fake;
        }
        throw new IllegalStateException("give the container a FakeGatewayIo to press its contacts");
    }
}
