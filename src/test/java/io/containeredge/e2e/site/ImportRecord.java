package io.containeredge.e2e.site;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One container's import second by second, as the fault tests and the benchmark judge it: the highest import within
 * each wall-clock second, with the budget of the lease in force and the lease state (a second in which the state was
 * anything but LEASED at some sample records that state, so a brief fallback is never hidden). Per lease epoch, when
 * its committed load and when its import first came within the budget.
 */
final class ImportRecord {

    /**
     * @param importKw the highest import sampled within the second
     * @param budgetKw the budget of the lease last accepted (NaN before any)
     * @param epoch that lease's epoch (0 before any)
     * @param state LEASED, SETTLING, FALLBACK or NONE; the worst sampled in the second
     */
    record Second(double importKw, double budgetKw, long epoch, String state) {
    }

    /** Margin for "within the budget": the sums of doubles the budgets are made of. */
    static final double WITHIN_KW = 0.01;
    private final NavigableMap<Long, Second> seconds = new TreeMap<>();
    /** Per epoch: when the first lease of it was in force, and when the import was first within its budget. */
    private final Map<Long, Long> firstLeased = new HashMap<>();
    private final Map<Long, Long> firstWithin = new HashMap<>();
    private final Map<Long, Long> firstCommittedWithin = new HashMap<>();
    /** The budget in force at the last {@link #mark}, and since then when a lower one was first met. */
    private double markedBudgetKw = Double.NaN;
    private double lastBudgetKw = Double.NaN;
    private Long committedWithinLower;
    private Long withinLower;

    /** @param committedKw what its controller committed the import to (NaN: not reported) */
    synchronized void sample(long nowMillis, double importKw, double committedKw, double budgetKw, long epoch,
            String state) {
        lastBudgetKw = budgetKw;
        if (state.equals("LEASED") && budgetKw < markedBudgetKw - WITHIN_KW) {
            if (committedWithinLower == null && committedKw <= budgetKw + WITHIN_KW) {
                committedWithinLower = nowMillis;
            }
            if (withinLower == null && importKw <= budgetKw + WITHIN_KW) {
                withinLower = nowMillis;
            }
        }
        if (state.equals("LEASED")) {
            firstLeased.putIfAbsent(epoch, nowMillis);
            if (importKw <= budgetKw + WITHIN_KW) {
                firstWithin.putIfAbsent(epoch, nowMillis);
            }
            if (committedKw <= budgetKw + WITHIN_KW) {
                firstCommittedWithin.putIfAbsent(epoch, nowMillis);
            }
        }
        seconds.merge(nowMillis / 1000, new Second(importKw, budgetKw, epoch, state), (before, now) -> new Second(
                Math.max(before.importKw(), now.importKw()), now.budgetKw(), now.epoch(),
                before.state().equals("LEASED") ? now.state() : before.state()));
    }

    /** Every second from {@code fromSecond} on (epoch seconds), in order. */
    synchronized NavigableMap<Long, Second> since(long fromSecond) {
        return new TreeMap<>(seconds.tailMap(fromSecond, true));
    }

    /** When a lease of {@code epoch} was first in force here; null when none has been. */
    synchronized Long firstLeasedMillis(long epoch) {
        return firstLeased.get(epoch);
    }

    /** When, under a lease of {@code epoch}, the import was first within its budget; null when not yet. */
    synchronized Long firstWithinMillis(long epoch) {
        return firstWithin.get(epoch);
    }

    /** When, under a lease of {@code epoch}, the committed load was first within its budget; null when not yet. */
    synchronized Long firstCommittedWithinMillis(long epoch) {
        return firstCommittedWithin.get(epoch);
    }

    /** From now on, notes when a budget lower than the one in force now is first met (a site limit within an epoch). */
    synchronized void mark() {
        markedBudgetKw = lastBudgetKw;
        committedWithinLower = null;
        withinLower = null;
    }

    /** Whether a budget lower than the one at the {@link #mark} by more than {@code share} of it is in force now. */
    synchronized boolean loweredSinceMark(double share) {
        return lastBudgetKw < markedBudgetKw * (1 - share) - WITHIN_KW;
    }

    /** Since the {@link #mark}: when the committed load was first within a lower budget; null when not yet. */
    synchronized Long committedWithinLowerMillis() {
        return committedWithinLower;
    }

    /** Since the {@link #mark}: when the import was first within a lower budget; null when not yet. */
    synchronized Long withinLowerMillis() {
        return withinLower;
    }

    synchronized Map.Entry<Long, Second> last() {
        return seconds.lastEntry();
    }
}
