package io.containeredge.control.limit;

import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.loop.ControlConfig;
import io.containeredge.control.thermal.CoolingInputs;
import io.containeredge.control.thermal.CoolingRequest;
import io.containeredge.control.thermal.ThermalGuard;
import io.containeredge.control.thermal.ThermalState;
import io.containeredge.control.api.Verdict;
import java.util.List;

/** The thermal guard as a hard limit source: it keeps the guard's state between cycles. */
public final class ThermalLimit {

    private final ControlConfig cfg;
    private ThermalState state;
    private CoolingRequest cooling = CoolingRequest.NONE;

    /** @param restored the state to start from: a trip latched before a restart, or the initial state */
    public ThermalLimit(ControlConfig cfg, ThermalState restored) {
        this.cfg = cfg;
        this.state = restored;
    }

    /** This cycle's verdict; registered as a hard source ({@link LimitSource#hard}). */
    public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
        ThermalGuard.Outcome t = ThermalGuard.evaluate(in, cfg, state);
        state = t.state();
        cooling = t.cooling();
        return List.of(t.verdict());
    }

    /** The state after the last cycle (before the first: the restored one). */
    public ThermalState state() {
        return state;
    }

    /** What the last cycle asked of the CDUs' pumps and fans. */
    public CoolingRequest cooling() {
        return cooling;
    }

    /**
     * A person's reset of a latched trip ({@link ThermalGuard#reset}).
     *
     * @return false when refused: the cause is still present
     */
    public boolean reset(List<CoolingInputs> loops) {
        ThermalState after = ThermalGuard.reset(state, loops, cfg);
        boolean done = after != state;
        state = after;
        return done;
    }
}
