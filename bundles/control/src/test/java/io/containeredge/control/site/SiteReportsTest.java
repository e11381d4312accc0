package io.containeredge.control.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.Reading;
import io.containeredge.control.api.Verdict;
import io.containeredge.control.load.LoadBudget;
import io.containeredge.control.power.PowerInputs;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteLeaseSettings;
import io.containeredge.site.api.SiteReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The container's report to the site coordinator from one cycle's figures. */
class SiteReportsTest {

    private static final long T0 = 1_800_000_000_000L;
    private final LeaseBook book = new LeaseBook("site-a", "c-01", new SiteLeaseSettings(300, Duration.ofSeconds(2),
            Duration.ofSeconds(10), Duration.ofSeconds(5)), null);
    private final SiteReports reports = new SiteReports("site-a", "c-01", 1000, book);

    private static PowerInputs power(Reading importKw, Reading socPct, Reading batteryKw) {
        Reading none = Reading.bad("test", "none");
        return new PowerInputs(importKw, none, none, none, socPct, batteryKw, none, none);
    }

    private static Verdict verdict(String guard, double kw, Verdict.Strength strength) {
        return new Verdict(guard, kw, false, "test", List.of(), strength, null);
    }

    @Test
    void aReportCarriesTheCyclesFiguresTheHardLimitAndTheLease() {
        book.accept(new SiteLease("site-a", "c-01", 2, 5, 700, 250, T0, T0 + 30_000), "test", T0);
        SiteReport r = reports.report(T0 + 1_000, power(Reading.of(640, "meter"), Reading.of(55, "bat"),
                Reading.of(-20, "bat")), 60, 575, List.of(verdict("power", 900, Verdict.Strength.HARD),
                verdict("thermal", 800, Verdict.Strength.HARD), verdict("site-lease", 640, Verdict.Strength.SOFT)),
                40, List.of(new LoadBudget.Offer(3.5, 0.04), new LoadBudget.Offer(100, 0.09),
                        new LoadBudget.Offer(3.5, 0.04)), true);
        assertEquals(640, r.importKw());
        assertEquals(635, r.committedKw(), 1e-9, "the other load plus what the commands allow the loads");
        assertEquals(860, r.hardImportKw(), 1e-9, "the lowest hard limit on the loads plus the other load");
        assertEquals(60, r.otherKw());
        assertEquals(40, r.firmKw());
        assertEquals(List.of(new SiteReport.Offer(100, 0.09), new SiteReport.Offer(7, 0.04)), r.offers());
        assertEquals(250, r.fallbackKw());
        assertEquals(new SiteReport.LeaseState(2, 5, 700, T0 + 30_000, "LEASED"), r.lease());
        assertEquals(new SiteReport.Battery(55, -20), r.battery());
        assertEquals(r, SiteReport.fromJson(r.toJson()), "what the coordinator reads back");
    }

    @Test
    void withoutAHardLimitTheImportCapIsReportedAndBadReadingsAreLeftOut() {
        SiteReport r = reports.report(T0, power(Reading.bad("meter", "stale"), Reading.bad("bat", "stale"),
                Reading.of(0, "bat")), 50, Double.NaN, List.of(), 0, List.of(), true);
        assertTrue(Double.isNaN(r.importKw()));
        assertTrue(Double.isNaN(r.committedKw()), "no allocation yet");
        assertEquals(1000, r.hardImportKw());
        assertNull(r.battery());
        assertNull(r.lease());
        assertEquals(300, r.fallbackKw());
    }

    @Test
    void manyValuesAreFoldedIntoTheLastBlockAtTheLowerValue() {
        List<LoadBudget.Offer> offers = new ArrayList<>();
        for (int i = 0; i < SiteReports.MAX_OFFERS + 10; i++) {
            offers.add(new LoadBudget.Offer(1, 10_000 - i));
        }
        List<SiteReport.Offer> merged = SiteReports.merged(offers);
        assertEquals(SiteReports.MAX_OFFERS, merged.size());
        assertEquals(new SiteReport.Offer(11, 10_000 - SiteReports.MAX_OFFERS - 9), merged.get(merged.size() - 1));
        assertEquals(SiteReports.MAX_OFFERS + 10, merged.stream().mapToDouble(SiteReport.Offer::kw).sum(), 1e-9);
    }
}
