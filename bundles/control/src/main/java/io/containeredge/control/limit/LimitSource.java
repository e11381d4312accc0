package io.containeredge.control.limit;

import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.api.Verdict;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One source of a limit on what the controllable loads may draw. Its registration's strength decides
 * how its verdicts count: the arbiter takes the lowest limit of all, so a soft source can only lower
 * what the hard ones allow. A source that loses its inputs returns a documented safe value, never "no limit".
 */
public interface LimitSource {

    Verdict.Strength strength();

    /**
     * This cycle's verdicts: normally one; none where the source has nothing to guard on this site (a
     * gateway without I/O has no emergency stop). A verdict with no limit may carry alarms only.
     */
    List<Verdict> evaluate(ContainerInputs in, Cycle cycle);

    /** A guard as a hard source: {@link ThermalLimit#evaluate}, {@link PowerLimit#evaluate}, the e-stop's. */
    static LimitSource hard(BiFunction<ContainerInputs, Cycle, List<Verdict>> verdicts) {
        return new LimitSource() {
            @Override
            public Verdict.Strength strength() {
                return Verdict.Strength.HARD;
            }

            @Override
            public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
                return verdicts.apply(in, cycle);
            }
        };
    }
}
