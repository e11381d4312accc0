package io.containeredge.control.site;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.SiteLeaseStatus;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.limit.OtherLoad;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.power.PowerInputs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The site lease as a soft limit source: the lease book's import limit (the budget, or the fallback share) becomes a
 * limit on the controllable loads by taking off what the rest of the container draws ({@link OtherLoad}, the battery's
 * charging counted: a lease does not stop it). Hard limits always win: the arbiter takes the lowest.
 *
 * <p>Alarm {@code site-lease.fallback} (WARNING) while the container is without a valid lease: on its fallback share
 * or settling towards it, or with no lease at all more than a minute after start (a coordinator just elected needs a
 * few seconds; longer, none is reaching this container).
 */
public final class SiteLeaseLimit implements LimitSource {

    public static final String GUARD = "site-lease";
    public static final String FALLBACK_ALARM = "site-lease.fallback";
    public static final String STATE_FILE_ALARM = "site-lease.state-file";
    static final Duration NONE_GRACE = Duration.ofSeconds(60);

    /** What the last cycle saw, for the report: its power inputs and the other load's estimate. */
    public record Seen(PowerInputs power, double otherKw) {
    }

    private final LeaseBook book;
    private final OtherLoad otherLoad = new OtherLoad(OtherLoad.Charging.COUNTED);
    private long startedMillis = Long.MIN_VALUE;
    private volatile Seen seen;

    public SiteLeaseLimit(LeaseBook book) {
        this.book = book;
    }

    @Override
    public Verdict.Strength strength() {
        return Verdict.Strength.SOFT;
    }

    @Override
    public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
        if (startedMillis == Long.MIN_VALUE) {
            startedMillis = cycle.nowMillis();
        }
        double otherKw = otherLoad.observe(in);
        seen = new Seen(in.power(), otherKw);
        // one reading of the book: a lease arriving meanwhile applies from the next cycle
        SiteLeaseStatus lease = book.status(cycle.wallMillis(), false);
        String reason = String.format(Locale.ROOT, "%s (other load %.0f kW)", lease.reason(), otherKw);
        Long until = lease.state().equals(LeaseBook.LEASED) ? lease.expiresAtMillis() : null;
        return List.of(new Verdict(GUARD, otherLoad.loadLimitKw(lease.limitKw()), false, reason,
                alarms(lease, cycle.nowMillis()), Verdict.Strength.SOFT, until));
    }

    private List<AlarmCondition> alarms(SiteLeaseStatus lease, long nowMillis) {
        List<AlarmCondition> alarms = new ArrayList<>();
        String state = lease.state();
        boolean noneTooLong = state.equals(LeaseBook.NONE) && nowMillis - startedMillis > NONE_GRACE.toMillis();
        if (state.equals(LeaseBook.FALLBACK) || state.equals(LeaseBook.SETTLING) || noneTooLong) {
            alarms.add(new AlarmCondition(FALLBACK_ALARM, AlarmCondition.Severity.WARNING, GUARD,
                    "no valid site lease: " + lease.reason(), lease.fallbackKw()));
        }
        book.stateFileProblem().ifPresent(p -> alarms.add(new AlarmCondition(STATE_FILE_ALARM,
                AlarmCondition.Severity.WARNING, GUARD, p, Double.NaN)));
        return alarms;
    }

    /** What the last cycle saw; null before the first. */
    public Seen seen() {
        return seen;
    }
}
