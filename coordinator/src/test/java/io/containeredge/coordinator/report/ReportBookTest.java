package io.containeredge.coordinator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.coordinator.TestSites;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.CoordinatorConfig.Container;
import io.containeredge.site.api.SiteReport;
import io.containeredge.site.api.SiteTopics;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportBookTest {

    private static final CoordinatorConfig CONFIG = TestSites.site(1000, 0, List.of(new Container("c-01", 300)));
    private final ReportBook book = new ReportBook(CONFIG, () -> 5000);

    private static String report(String site, String container) {
        return new SiteReport(site, container, 4000, 100, 100, 800, 0, 0, List.of(), 300, null, null).toJson();
    }

    @Test
    void keepsTheLatestReportWithItsArrivalTime() {
        book.accept(SiteTopics.report(TestSites.SITE, "c-01"), report(TestSites.SITE, "c-01"));
        assertEquals(5000, book.latest().get("c-01").receivedAtMillis());
        assertEquals(100, book.latest().get("c-01").report().importKw());
    }

    @Test
    void badForeignAndUnknownReportsChangeNothing() {
        book.accept(SiteTopics.report(TestSites.SITE, "c-01"), "{\"site\":");
        book.accept(SiteTopics.report(TestSites.SITE, "c-01"), report("other-site", "c-01"));
        book.accept(SiteTopics.report(TestSites.SITE, "c-01"), report(TestSites.SITE, "c-02"));
        book.accept(SiteTopics.report(TestSites.SITE, "c-02"), report(TestSites.SITE, "c-02"));
        assertEquals(0, book.latest().size());
    }
}
