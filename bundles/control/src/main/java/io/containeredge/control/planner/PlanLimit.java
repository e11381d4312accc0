package io.containeredge.control.planner;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.Reading;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.economics.EconomicInputs;
import io.containeredge.control.economics.PriceSlots;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.limit.LimitSource;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.loop.InputMapper;
import io.containeredge.control.power.BatteryTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan as a soft limit source and a battery target. While a plan is followed, the miners may draw what the
 * plan's current slot gives them, the battery is asked for the slot's setpoint ({@link #batteryTarget}) and economics
 * values energy at the plan's value of energy, so each miner's step matches the plan. Being soft, the plan only lowers
 * what safety and the grid allow, and the power guard follows the battery target only within its own rules.
 *
 * <p>When there is no plan to follow (none solved yet, the last solve failed, the plan is older than three re-plan
 * intervals or has run out) it limits nothing, asks nothing of the battery (the power guard's rule-based recharge
 * runs, as without a planner), and raises {@code planner.fallback} saying why: never "no limit" for the guards,
 * which stay in force, and never a plan followed past its time.
 */
public final class PlanLimit implements LimitSource {

    public static final String NAME = "plan";
    public static final String FALLBACK_ALARM = "planner.fallback";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final Planner planner;
    private final EconomicInputs economics;
    private final List<String> pvDevices;
    private final double unpricedKw;
    private final ZoneId zone;
    private volatile Observed observed;
    private volatile BatteryTarget target;
    /** The plan whose values economics decides on; null while none is followed. */
    private Plan followed;

    /**
     * @param pvDevices the site's PV inverters (role pv)
     * @param unpricedKw the rated power of the miners the plan has no curve for: they are not the plan's to limit
     */
    public PlanLimit(Planner planner, EconomicInputs economics, List<String> pvDevices, double unpricedKw, ZoneId zone) {
        this.planner = planner;
        this.economics = economics;
        this.pvDevices = List.copyOf(pvDevices);
        this.unpricedKw = unpricedKw;
        this.zone = zone;
    }

    @Override
    public Verdict.Strength strength() {
        return Verdict.Strength.SOFT;
    }

    @Override
    public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
        observed = observe(in, cycle);
        HeldPlan held = planner.held();
        if (held == HeldPlan.NONE) {
            target = null;
            return List.of(new Verdict(NAME, Double.POSITIVE_INFINITY, false, "waiting for the first plan", List.of(),
                    Verdict.Strength.SOFT, null));
        }
        String why = notFollowed(held, cycle.wallMillis());
        Optional<PlannedSlot> slot = held.slotAt(cycle.wallMillis());
        if (why != null || slot.isEmpty()) {
            return fallback(why != null ? why : "the plan has no slot for now");
        }
        Plan plan = held.plan().orElseThrow();
        if (plan != followed) {
            followed = plan;
            economics.followPlan(values(plan));
        }
        SlotFollowing following = SlotFollowing.of(slot.get(), held.problem().mining().maxKw(), planner.settings(),
                unpricedKw, "plan slot " + clock(slot.get().startMillis()));
        target = following.target();
        return List.of(following.verdict());
    }

    /** Why the held plan is not followed now, or null when it is. */
    private String notFollowed(HeldPlan held, long wallMillis) {
        if (!held.following()) {
            return held.reason();
        }
        Duration maxAge = planner.settings().replanEvery().multipliedBy(3);
        long age = wallMillis - held.solvedAtMillis();
        if (age > maxAge.toMillis()) {
            return "the plan in force was solved " + age / 60_000 + " min ago, more than three re-plan intervals:"
                    + " the planner has not solved since";
        }
        return null;
    }

    private List<Verdict> fallback(String why) {
        if (followed != null) {
            followed = null;
            economics.followPlan(PriceSlots.NONE);
        }
        target = null;
        AlarmCondition alarm = new AlarmCondition(FALLBACK_ALARM, AlarmCondition.Severity.WARNING, NAME,
                "no plan followed, the power guard's rule-based battery runs: " + why, Double.NaN);
        return List.of(new Verdict(NAME, Double.POSITIVE_INFINITY, false, "no plan followed: " + why, List.of(alarm),
                Verdict.Strength.SOFT, null));
    }

    /** The plan's value of energy per slot, for economics. */
    public static PriceSlots values(Plan plan) {
        List<PriceSlots.Slot> slots = new ArrayList<>(plan.slots().size());
        for (PlannedSlot s : plan.slots()) {
            slots.add(new PriceSlots.Slot(s.startMillis(), PlanProblems.SLOT, s.energyValueUsdPerMwh()));
        }
        return new PriceSlots(slots, System.currentTimeMillis());
    }

    /** What the battery is asked this cycle; null while no plan is followed. Read by the power guard. */
    public BatteryTarget batteryTarget(Cycle cycle) {
        return target;
    }

    /** What the last cycle saw; null before the first. */
    public Observed observed() {
        return observed;
    }

    private Observed observe(ContainerInputs in, Cycle cycle) {
        Reading soc = in.power().batterySocPct();
        return new Observed(cycle.nowMillis(), cycle.wallMillis(), valueOrNaN(in.power().importKw()),
                valueOrNaN(soc), soc.source() + (soc.good() ? "" : ": " + soc.why()),
                valueOrNaN(in.power().batteryKw()), valueOrNaN(InputMapper.inverterKw(cycle.snapshot(), pvDevices)),
                valueOrNaN(in.power().ambientC()),
                in.minerKw());
    }

    private static double valueOrNaN(Reading r) {
        return r.good() ? r.value() : Double.NaN;
    }

    private String clock(long wallMillis) {
        return CLOCK.format(Instant.ofEpochMilli(wallMillis).atZone(zone));
    }
}
