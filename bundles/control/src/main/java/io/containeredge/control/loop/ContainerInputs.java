package io.containeredge.control.loop;

import io.containeredge.control.power.PowerInputs;
import io.containeredge.control.thermal.CoolingInputs;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything one control cycle decides on, taken from one snapshot of the process image.
 *
 * @param nowMillis the cycle's time on the monotonic clock (virtual in tests): ages and durations only
 * @param coolingLoops one entry per CDU of the site, in site order (a site without a CDU has one loop of
 *     bad readings); the thermal guard acts on the worst of them
 * @param minerKw power the awake miners (and the running units of every other load kind) draw now, from their
 *     own reports: the power the guards limit
 * @param minerRatedKw power of the whole fleet (and every other load kind) awake at full target
 * @param leavingKw what units no longer running still draw above what they settle at (miners on their way to
 *     sleep): it falls away without another command, so the sources that hold the import to a level do not count it
 *     as other load (they would shed more units for a draw that is already going)
 */
public record ContainerInputs(
        long nowMillis,
        List<CoolingInputs> coolingLoops,
        PowerInputs power,
        double minerKw,
        double minerRatedKw,
        double leavingKw) {

    /** Inputs without any unit on its way down. */
    public ContainerInputs(long nowMillis, List<CoolingInputs> coolingLoops, PowerInputs power, double minerKw,
            double minerRatedKw) {
        this(nowMillis, coolingLoops, power, minerKw, minerRatedKw, 0);
    }

    /** A loop whose supply reading is not good is the worst case; among good ones the hottest. */
    private static final Comparator<CoolingInputs> SUPPLY_RISK = Comparator
            .comparing((CoolingInputs c) -> c.supplyC().good())
            .reversed()
            .thenComparingDouble(c -> c.supplyC().value());

    public ContainerInputs {
        coolingLoops = List.copyOf(coolingLoops);
    }

    /** The loop whose supply governs: one without a good supply reading first, else the hottest. */
    public CoolingInputs cooling() {
        return coolingLoops.stream().max(SUPPLY_RISK).orElseThrow();
    }

    /** The same inputs with every cooling loop's readings changed by {@code change}. */
    public ContainerInputs withEachCoolingLoop(UnaryOperator<CoolingInputs> change) {
        return new ContainerInputs(nowMillis, coolingLoops.stream().map(change).toList(), power, minerKw,
                minerRatedKw, leavingKw);
    }

    /** The same inputs with {@code kw} of draw on its way out ({@link #leavingKw}). */
    public ContainerInputs withLeavingKw(double kw) {
        return new ContainerInputs(nowMillis, coolingLoops, power, minerKw, minerRatedKw, kw);
    }
}
