package io.containeredge.control.limit;

import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The limit sources of a container, in the order they run each cycle (the guards first). Another source
 * is one more entry: {@code LimitSources.of(new GridEventLimit(...))} handed to the loop.
 */
public final class LimitSources {

    private static final LimitSources NONE = new LimitSources(List.of());

    private final List<LimitSource> sources;

    private LimitSources(List<LimitSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public static LimitSources none() {
        return NONE;
    }

    public static LimitSources of(LimitSource... sources) {
        return new LimitSources(List.of(sources));
    }

    /** These sources, then {@code more}. */
    public LimitSources and(LimitSources more) {
        return new LimitSources(Stream.concat(sources.stream(), more.sources.stream()).toList());
    }

    /** Runs every source once and lets the arbiter take the most restrictive of their verdicts. */
    public Arbiter.Decision decide(ContainerInputs in, Cycle cycle) {
        List<Verdict> verdicts = new ArrayList<>();
        for (LimitSource s : sources) {
            for (Verdict v : s.evaluate(in, cycle)) {
                verdicts.add(v.withStrength(s.strength()));
            }
        }
        return Arbiter.combine(verdicts);
    }
}
