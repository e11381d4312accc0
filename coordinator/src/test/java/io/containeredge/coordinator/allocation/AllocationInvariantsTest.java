package io.containeredge.coordinator.allocation;

import static io.containeredge.coordinator.TestSites.report;
import static io.containeredge.coordinator.TestSites.site;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.coordinator.limits.PoiLimit;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorConfig.Container;
import io.containeredge.site.api.SiteReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** What every allocation must hold to, whatever the reports, the budgets in force and the time say. */
class AllocationInvariantsTest {

    private static final long NOW = 1_796_000_000_000L;
    private static final double EPS = 1e-6;

    /** One container's situation: its share, the budget it holds, and its report if fresh (null when stale). */
    record Case(double fallbackKw, double grantKw, SiteReport report) {
    }

    @Provide
    Arbitrary<List<Case>> containers() {
        Arbitrary<SiteReport.Offer> offer = Combinators.combine(Arbitraries.doubles().between(0, 400),
                Arbitraries.doubles().between(-0.05, 0.2)).as(SiteReport.Offer::new);
        Arbitrary<SiteReport> report = Combinators.combine(
                Arbitraries.doubles().between(0, 1500).injectNull(0.1),
                Arbitraries.doubles().between(0, 2000), Arbitraries.doubles().between(-50, 300),
                Arbitraries.doubles().between(0, 500), offer.list().ofMaxSize(4))
                .as((imported, hard, other, firm, offers) -> report("x", NOW, imported == null ? Double.NaN : imported,
                        hard, other, firm, offers.stream()
                                .sorted(Comparator.comparingDouble(SiteReport.Offer::valuePerKw).reversed()).toList(),
                        0));
        return Combinators.combine(Arbitraries.doubles().between(0, 400), Arbitraries.doubles().between(0, 1500),
                report.injectNull(0.25)).as(Case::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 400)
    void budgetsFitTheCapStayUnderHardLimitsAndFollowValue(@ForAll("containers") List<Case> cases,
            @ForAll @DoubleRange(min = 200, max = 4000) double capKw,
            @ForAll @DoubleRange(min = 0, max = 150) double auxiliariesKw,
            @ForAll @LongRange(min = 0, max = 6000) long elapsedMillis) {
        List<Container> containers = new ArrayList<>();
        Map<String, Reported> reports = new HashMap<>();
        Map<String, Double> grants = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            String id = "c-" + i;
            Case c = cases.get(i);
            containers.add(new Container(id, c.fallbackKw()));
            grants.put(id, c.grantKw());
            if (c.report() != null) {
                reports.put(id, new Reported(c.report(), NOW - 500));
            }
        }
        CoordinatorConfig config = site(capKw, auxiliariesKw, containers);
        Allocation a = Allocator.allocate(config, PoiLimit.cap(config), reports,
                new Grants(grants, NOW - elapsedMillis), NOW);

        double forFresh = Math.max(0, config.poi().availableKw() - a.staleReserveKw());
        double freshTotal = a.grants().stream().filter(Grant::fresh).mapToDouble(Grant::kw).sum();
        assertTrue(freshTotal <= forFresh + EPS, () -> "fresh budgets " + freshTotal + " above " + forFresh);
        double rampKw = config.allocation().rampKwPerSecond() * Math.min(elapsedMillis, 4000) / 1000.0;
        for (int i = 0; i < cases.size(); i++) {
            Grant g = a.grants().get(i);
            Case c = cases.get(i);
            if (!g.fresh()) {
                assertTrue(Math.abs(g.kw() - c.grantKw()) < EPS, "a stale container keeps its budget");
                continue;
            }
            assertTrue(g.kw() <= c.report().hardImportKw() + EPS, () -> g + " above its hard limit");
            assertTrue(g.kw() <= g.targetKw() + EPS, () -> g + " above its target");
            assertTrue(g.kw() <= c.grantKw() + rampKw + EPS, () -> g + " rose faster than the ramp");
        }
        valueOrder(cases, a, forFresh);
    }

    /**
     * No container's target holds an offer worth less than one another container was refused, unless that one is at
     * its hard limit (checked when the firm loads fit, so no scaling blurs where the offers start).
     */
    private static void valueOrder(List<Case> cases, Allocation a, double forFresh) {
        double firmTotal = 0;
        for (Case c : cases) {
            if (c.report() != null) {
                firmTotal += firm(c.report());
            }
        }
        if (firmTotal > forFresh) {
            return;
        }
        double lowestTaken = Double.POSITIVE_INFINITY;
        double highestRefused = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cases.size(); i++) {
            SiteReport r = cases.get(i).report();
            if (r == null) {
                continue;
            }
            double offered = a.grants().get(i).targetKw() - firm(r);
            boolean atHardLimit = a.grants().get(i).targetKw() >= r.hardImportKw() - EPS;
            for (SiteReport.Offer o : r.offers()) {
                if (offered > EPS) {
                    lowestTaken = Math.min(lowestTaken, o.valuePerKw());
                }
                if (offered < o.kw() - EPS && !atHardLimit) {
                    highestRefused = Math.max(highestRefused, o.valuePerKw());
                }
                offered -= o.kw();
            }
        }
        double taken = lowestTaken;
        double refused = highestRefused;
        assertTrue(refused <= taken + EPS, () -> "an offer at " + refused + " refused while one at " + taken
                + " was taken");
    }

    private static double firm(SiteReport r) {
        return Math.min(Math.max(0, r.otherKw()) + r.firmKw(), r.hardImportKw());
    }
}
