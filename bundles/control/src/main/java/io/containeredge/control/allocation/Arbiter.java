package io.containeredge.control.allocation;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.Verdict;
import java.util.ArrayList;
import java.util.List;

/** Combines the guards' verdicts: the lowest miner limit wins, any guard may hold miners asleep. */
public final class Arbiter {

    private Arbiter() {
    }

    /**
     * @param binding the verdict that set the limit (the first of equals), so every decision can say
     *     which guard and which reading caused it
     */
    public record Decision(double maxMinerKw, boolean holdWake, Verdict binding, List<Verdict> verdicts) {

        public Decision {
            verdicts = List.copyOf(verdicts);
        }

        public List<AlarmCondition> alarms() {
            List<AlarmCondition> all = new ArrayList<>();
            verdicts.forEach(v -> all.addAll(v.alarms()));
            return all;
        }
    }

    public static Decision combine(List<Verdict> verdicts) {
        Verdict binding = null;
        boolean holdWake = false;
        for (Verdict v : verdicts) {
            if (binding == null || v.maxMinerKw() < binding.maxMinerKw()) {
                binding = v;
            }
            holdWake |= v.holdWake();
        }
        if (binding == null) {
            throw new IllegalArgumentException("no verdicts");
        }
        return new Decision(binding.maxMinerKw(), holdWake, binding, verdicts);
    }
}
