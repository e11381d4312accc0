package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.console.overview.LiveInputs;
import io.containeredge.console.overview.OverviewBuilder;
import io.containeredge.control.api.AiStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The AI page and the overview's AI panel in headless Chromium, against the console's own files and a recorded
 * {@link AiStatus} (until the controller allocates to GPU servers in the assembled gateway): {@code /api/v1/ai}
 * answered as the API writes it (no cap and unknown readings null), and the live stream's overview as the console
 * builds it. It checks each tenant's state, figures and reason, each server's reachability, cap and problem, that the
 * page fits a phone, and that a site without an ai section is told so.
 */
class AiPageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ConsolePageServer SERVER = new ConsolePageServer();

    /** One tenant with its band capped for economics (a server capped, one lost), one held under its floor. */
    private static AiStatus ai(long now) {
        AiStatus.Server capped = new AiStatus.Server("gpu-01", true, 5200, 10_200, 5500, "Controls", "");
        AiStatus.Server lost = new AiStatus.Server("gpu-02", false, 10_200, 10_200, Double.NaN, "",
                "no answer within 2 s");
        AiStatus.Server old = new AiStatus.Server("hpc-01", true, 3900, 6000, 4000, "PowerControl", "");
        return new AiStatus(now, 19.3, 1380, List.of(
                new AiStatus.Tenant("acme-ai", 10, 8, 140, 15.4, 15.7, 15.7, true,
                        "band capped: miners' power worth more (150 > 140 USD/MWh)", false, 3.5, 40, 0,
                        List.of(capped, lost)),
                new AiStatus.Tenant("beta-hpc", 5, 2, 200, 3.9, 4, 4, true,
                        "floor cut to 4 kW: site lease at 1500 kW", true, 0, 20, 1, List.of(old))));
    }

    /** As {@code GET /api/v1/ai} writes it: NaN (a cap not known) is null. */
    private static String asTheApiWritesIt(AiStatus ai) {
        ObjectNode json = JSON.valueToTree(ai);
        ((ObjectNode) json.at("/tenants/0/servers/1")).putNull("capW");
        return json.toString();
    }

    private static String cell(String row, int column) {
        Browser browser = SERVER.browser();
        return browser.visible(By.cssSelector(row + " td:nth-child(" + column + ")")).getText();
    }

    @Test
    void theTenantsWithTheirStateAndWhyAndTheirServersAreShown() throws Exception {
        Browser browser = SERVER.browser();
        SERVER.answer("/api/v1/ai", 200, asTheApiWritesIt(ai(System.currentTimeMillis())));
        browser.open(SERVER.console() + "ai.html");

        browser.visible(By.id("ai-content"));
        browser.awaitText(By.id("ai-kw"), "19 kW", Duration.ofSeconds(10));
        assertTrue(browser.visible(By.id("ai-mining-kw")).getText().contains("1,380"));
        String acme = "#ai-tenants tr[data-tenant='acme-ai']";
        assertEquals("capped", browser.visible(By.cssSelector(acme)).getAttribute("data-state"));
        assertEquals("15.7 kW", cell(acme, 5), "the grant");
        assertEquals("140 USD/MWh", cell(acme, 4));
        assertEquals("3.5 of 40 h", cell(acme, 9));
        assertTrue(cell(acme, 11).contains("150 > 140 USD/MWh"), "why it is capped");
        String beta = "#ai-tenants tr[data-tenant='beta-hpc']";
        assertEquals("breach", browser.visible(By.cssSelector(beta)).getAttribute("data-state"));
        assertEquals("1", cell(beta, 10), "the breaches this month");
        String lost = "#ai-servers section[data-tenant='acme-ai'] tr[data-server='gpu-02']";
        assertEquals("false", browser.visible(By.cssSelector(lost)).getAttribute("data-reachable"));
        assertEquals("none", cell(lost, 5), "no cap known");
        assertEquals("no answer within 2 s", cell(lost, 7));
        assertEquals("PowerControl", cell("#ai-servers section[data-tenant='beta-hpc'] tr[data-server='hpc-01']", 6));
        assertEquals("page", browser.visible(By.id("nav-ai")).getAttribute("aria-current"));
        browser.screenshot("ai-tenants");
    }

    @Test
    void theOverviewShowsAiAgainstMiningAndEachTenant() throws Exception {
        Browser browser = SERVER.browser();
        long now = System.currentTimeMillis();
        SERVER.events("/api/v1/stream", "overview", JSON.writeValueAsString(OverviewBuilder.build(
                new LiveInputs(now, null, null, null, List.of(), List.of(), null, ai(now), null)).overview()));
        browser.open(SERVER.console() + "index.html");

        browser.visible(By.id("overview-ai"));
        browser.awaitText(By.id("overview-ai-kw"), "19 kW", Duration.ofSeconds(10));
        String acme = "#overview-ai-tenants tr[data-tenant='acme-ai']";
        assertEquals("capped", browser.visible(By.cssSelector(acme)).getAttribute("data-state"));
        assertEquals("10 kW", cell(acme, 2), "the floor");
        assertEquals("8 kW", cell(acme, 3), "the band");
        assertEquals("15 kW", cell(acme, 6), "the use");
        assertTrue(cell(acme, 8).contains("miners' power worth more"));
        assertEquals("breach", browser.visible(By.cssSelector("#overview-ai-tenants tr[data-tenant='beta-hpc']"))
                .getAttribute("data-state"));
        browser.screenshot("overview-ai");
    }

    @Test
    void theAiPageFitsAPhoneScreen() throws Exception {
        SERVER.answer("/api/v1/ai", 200, asTheApiWritesIt(ai(System.currentTimeMillis())));
        assertEquals(List.of(), SERVER.overflowOnAPhone("ai", By.cssSelector("#ai-servers tr[data-server='hpc-01']")),
                "ai.html at 390 px");
    }

    @Test
    void aSiteWithoutAnAiSectionIsToldSo() {
        assertTrue(SERVER.toldOff("ai", "/api/v1/ai", "AI/HPC is off: the site has no ai section"));
    }
}
