package io.containeredge.control.allocation;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.Verdict;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Combines the limit sources' verdicts: the lowest limit wins, any source may hold loads asleep. A soft
 * verdict can therefore only lower a hard limit, never raise it, and never release a hard hold.
 */
public final class Arbiter {

    /** Most restrictive first; at the same limit, protection before obligation. */
    private static final Comparator<Verdict> RESTRICTIVE = Comparator.comparingDouble(Verdict::maxMinerKw)
            .thenComparing(Verdict::strength);

    private Arbiter() {
    }

    /**
     * @param binding the verdict that set the limit (the first of equals, a hard one before a soft one), so
     *     every decision can say which source and which reading caused it
     */
    public record Decision(double maxMinerKw, boolean holdWake, Verdict binding, List<Verdict> verdicts) {

        public Decision {
            verdicts = List.copyOf(verdicts);
        }

        /** The most restrictive of the hard (safety) sources alone: what may cut a firm floor, and why. */
        public Optional<Verdict> hardBinding() {
            return verdicts.stream().filter(v -> v.strength() == Verdict.Strength.HARD).min(RESTRICTIVE);
        }

        /** The lowest limit of the hard (safety) sources alone. */
        public double hardKw() {
            return hardBinding().map(Verdict::maxMinerKw).orElse(Double.POSITIVE_INFINITY);
        }

        /**
         * How fast the loads come down: the most urgent way any limiting verdict asks for (a frequency dip sheds by
         * sleep even where another source's lower limit binds).
         */
        public Verdict.Shedding shedding() {
            return verdicts.stream().filter(Verdict::limits).map(Verdict::shedding)
                    .max(Comparator.naturalOrder()).orElse(Verdict.Shedding.GRADUAL);
        }

        public List<AlarmCondition> alarms() {
            List<AlarmCondition> all = new ArrayList<>();
            verdicts.forEach(v -> all.addAll(v.alarms()));
            return all;
        }

        /** The verdicts that limit, most restrictive first: the reason chain kept for people. */
        public List<Verdict> reasonChain() {
            return verdicts.stream().filter(Verdict::limits).sorted(RESTRICTIVE).toList();
        }

        /** The reason chain for people, e.g. "miners limited by: grid event: 4CP until 17:00 → 1,200 kW". */
        public String limitedBy(ZoneId zone) {
            List<Verdict> chain = reasonChain();
            return chain.isEmpty() ? "miners not limited"
                    : chain.stream().map(v -> v.describe(zone)).collect(Collectors.joining("; ", "miners limited by: ", ""));
        }
    }

    public static Decision combine(List<Verdict> verdicts) {
        Verdict binding = null;
        boolean holdWake = false;
        for (Verdict v : verdicts) {
            if (binding == null || binds(v, binding)) {
                binding = v;
            }
            holdWake |= v.holdWake();
        }
        if (binding == null) {
            throw new IllegalArgumentException("no verdicts");
        }
        return new Decision(binding.maxMinerKw(), holdWake, binding, verdicts);
    }

    private static boolean binds(Verdict v, Verdict binding) {
        return v.maxMinerKw() < binding.maxMinerKw() || v.maxMinerKw() == binding.maxMinerKw()
                && v.strength() == Verdict.Strength.HARD && binding.strength() == Verdict.Strength.SOFT;
    }
}
