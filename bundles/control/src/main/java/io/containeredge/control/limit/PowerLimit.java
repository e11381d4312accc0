package io.containeredge.control.limit;

import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.power.PowerConfig;
import io.containeredge.control.power.PowerGuard;
import io.containeredge.control.power.PowerState;
import java.util.List;
import java.util.function.Function;

/** The power guard as a hard limit source: it keeps the guard's state between cycles. */
public final class PowerLimit {

    private final Function<Cycle, PowerConfig> config;
    private PowerState state = PowerState.initial();
    private PowerGuard.Outcome last;

    /** @param config the guard's settings for a cycle: the site's, with the battery's limits and an override */
    public PowerLimit(Function<Cycle, PowerConfig> config) {
        this.config = config;
    }

    /** This cycle's verdict; registered as a hard source ({@link LimitSource#hard}). */
    public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
        last = PowerGuard.evaluate(in, config.apply(cycle), state);
        state = last.state();
        return List.of(last.verdict());
    }

    /** The last cycle's outcome (battery command, allowed import); null before the first. */
    public PowerGuard.Outcome outcome() {
        return last;
    }
}
