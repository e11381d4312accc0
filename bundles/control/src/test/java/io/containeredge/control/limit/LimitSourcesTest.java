package io.containeredge.control.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.api.Verdict.Strength;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hard and soft sources through the registry and the arbiter. */
class LimitSourcesTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final long FIVE_PM = LocalDateTime.of(2026, 7, 15, 17, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    static final Cycle CYCLE = new Cycle(null, Map.of(), FIVE_PM - 3_600_000, 0);

    private static LimitSource source(Strength strength, Verdict v) {
        return new LimitSource() {
            @Override
            public Strength strength() {
                return strength;
            }

            @Override
            public List<Verdict> evaluate(ContainerInputs in, Cycle cycle) {
                return List.of(v);
            }
        };
    }

    private static LimitSource hard(String guard, double kw, boolean holdWake) {
        return source(Strength.HARD, new Verdict(guard, kw, holdWake, guard + " reason", List.of()));
    }

    private static LimitSource soft(String guard, double kw, boolean holdWake, Long until) {
        return source(Strength.SOFT, new Verdict(guard, kw, holdWake, "4CP", List.of(), Strength.SOFT, until));
    }

    private static Arbiter.Decision decide(LimitSource... sources) {
        return LimitSources.of(sources).decide(null, CYCLE);
    }

    @Test
    void aSoftLimitBelowTheHardOnesBindsWithItsReasonAndEnd() {
        Arbiter.Decision d = decide(hard("thermal", Double.POSITIVE_INFINITY, false), hard("power", 2000, false),
                soft("grid event", 1200, false, FIVE_PM));
        assertEquals(1200, d.maxMinerKw());
        assertEquals("grid event", d.binding().guard());
        assertEquals(Strength.SOFT, d.binding().strength());
        assertEquals("miners limited by: grid event: 4CP until 17:00 → 1,200 kW; power: power reason → 2,000 kW",
                d.limitedBy(UTC));
    }

    @Test
    void aSoftLimitNeverRaisesAHardOne() {
        Arbiter.Decision d = decide(soft("grid event", 1200, false, FIVE_PM), hard("power", 800, false));
        assertEquals(800, d.maxMinerKw());
        assertEquals("power", d.binding().guard());
        assertEquals(List.of("power", "grid event"), d.reasonChain().stream().map(Verdict::guard).toList());
    }

    @Test
    void atTheSameLimitTheHardSourceBindsWhateverTheOrder() {
        Arbiter.Decision d = decide(soft("grid event", 500, false, null), hard("power", 500, false));
        assertEquals("power", d.binding().guard());
    }

    @Test
    void aSoftSourceCannotReleaseAHardHold() {
        Arbiter.Decision d = decide(hard("thermal", 0, true), soft("grid event", 1200, false, null));
        assertTrue(d.holdWake());
        assertEquals(0, d.maxMinerKw());
        assertEquals("miners limited by: thermal: thermal reason → 0 kW, no wake-up; grid event: 4CP → 1,200 kW",
                d.limitedBy(UTC));
    }

    @Test
    void aSoftSourceMayHoldLoadsAsleep() {
        assertTrue(decide(hard("thermal", Double.POSITIVE_INFINITY, false),
                soft("grid event", Double.POSITIVE_INFINITY, true, null)).holdWake());
    }

    @Test
    void theRegistrationNotTheVerdictDecidesTheStrength() {
        Verdict claimsHard = new Verdict("plan", 300, false, "cheap hours later", List.of());
        Arbiter.Decision d = decide(hard("power", 300, false), source(Strength.SOFT, claimsHard));
        assertEquals(Strength.SOFT, d.verdicts().get(1).strength());
        assertEquals("power", d.binding().guard(), "a soft source cannot claim to be hard");
        Verdict guard = new Verdict("power", 300, false, "x", List.of());
        assertSame(guard, guard.withStrength(Strength.HARD), "a guard's verdict passes unchanged");
    }

    @Test
    void withoutAnyLimitTheChainSaysSoAndTheFirstSourceIsTheBinding() {
        Arbiter.Decision d = decide(source(Strength.HARD, Verdict.free("thermal")),
                soft("grid event", Double.POSITIVE_INFINITY, false, null));
        assertFalse(d.holdWake());
        assertEquals("thermal", d.binding().guard());
        assertTrue(d.reasonChain().isEmpty());
        assertEquals("miners not limited", d.limitedBy(UTC));
    }

    @Test
    void moreSourcesRunAfterTheFirstInRegistrationOrder() {
        LimitSources guards = LimitSources.of(hard("thermal", 900, false));
        Arbiter.Decision d = guards.and(LimitSources.of(soft("grid event", 700, false, null))).decide(null, CYCLE);
        assertEquals(List.of("thermal", "grid event"), d.verdicts().stream().map(Verdict::guard).toList());
        assertEquals(700, d.maxMinerKw());
    }
}
