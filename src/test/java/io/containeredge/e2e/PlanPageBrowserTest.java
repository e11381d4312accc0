package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.control.api.PlanStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Plan page in headless Chromium, against the console's own files and a recorded plan status: until the
 * planner runs in the assembled gateway, the page is served by a small HTTP server that answers
 * {@code /api/v1/plan} with a {@link PlanStatus} as the API writes it (its record components, the totals'
 * objective, no NaN) and the page's other calls as a logged-in viewer, under the console's content security
 * policy. It checks the chart draws every series over the 48 hours with a now marker, the FALLBACK warning says
 * why, the totals and the now-against-plan table show the status's numbers, it all fits a phone, and a site without a
 * planner is told so.
 */
class PlanPageBrowserTest {

    private static final long QUARTER = 900_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ConsolePageServer SERVER = new ConsolePageServer();

    /**
     * 48 hours of a fallen-back plan from the quarter-hour before now: a price peak in the evening, sun at noon, the
     * battery charging in the sun and discharging at the peak.
     */
    private static PlanStatus fallback(long now) {
        long from = now - now % QUARTER;
        List<PlanStatus.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 192; i++) {
            double hour = ((from + i * QUARTER) / 3_600_000.0) % 24; // UTC
            double price = hour >= 17 && hour < 21 ? 180 : 45;
            double pv = Math.max(0, 900 * Math.sin((hour - 6) / 12 * Math.PI));
            double battery = price > 100 ? 400 : pv > 300 ? -300 : 0;
            PlanStatus.Terms terms = new PlanStatus.Terms(10, 1, 3, 0.2, 0.1);
            slots.add(new PlanStatus.Slot(from + i * QUARTER, price, 30, pv, 0, battery, 20 + (i % 96) * 0.6,
                    1400 - battery / 2, 40, Math.max(0, 1440 - pv - battery), 0, 2200, price, terms));
        }
        return new PlanStatus(now, PlanStatus.FALLBACK, "solver failed: infeasible in slot 14:15 (import cap 900 kW"
                + " below the firm load)", now - 600_000, 812, "forecast error 180 kW",
                new PlanStatus.Terms(1920, 192, 576, 38.4, 19.2), slots,
                new PlanStatus.Now(1400, 1380, 0, -120, "recharging from headroom towards 80 %", 20, 35.5, 1440, 1450,
                        300, 280));
    }

    private static String asTheApiWritesIt(PlanStatus plan) {
        ObjectNode json = JSON.valueToTree(plan);
        ((ObjectNode) json.get("totals")).put("objectiveUsd", plan.totals().objectiveUsd());
        return json.toString();
    }

    private static double number(WebElement e) {
        return Double.parseDouble(e.getText().replaceAll("[^0-9.\\-−]", "").replace('−', '-'));
    }

    @Test
    void theChartTheFallbackWarningTheTotalsAndTheNowTableShowTheRecordedStatus() throws Exception {
        Browser browser = SERVER.browser();
        PlanStatus plan = fallback(System.currentTimeMillis());
        SERVER.answer("/api/v1/plan", 200, asTheApiWritesIt(plan));
        browser.open(SERVER.console() + "plan.html");

        browser.visible(By.id("plan-content"));
        assertEquals("FALLBACK", browser.visible(By.id("plan-state")).getText());
        browser.awaitText(By.id("plan-fallback"), "solver failed: infeasible in slot 14:15", Duration.ofSeconds(10));
        assertTrue(browser.visible(By.id("plan-fallback")).getAttribute("class").contains("warn"));
        assertEquals("forecast error 180 kW", browser.visible(By.id("plan-trigger")).getText());
        WebElement chart = browser.visible(By.id("plan-chart"));
        assertEquals("192", chart.getAttribute("data-slots"));
        assertEquals("8", chart.getAttribute("data-series"), "every series drawn");
        for (String series : List.of("importUsdPerMwh", "batteryKw", "miningKw", "pvForecastKw", "socPct")) {
            String d = chart.findElement(By.cssSelector("path[data-series='" + series + "']")).getAttribute("d");
            assertTrue(d.startsWith("M") && d.split("L").length > 100, series + " spans the 48 h: " + d.length());
        }
        assertEquals("now", chart.findElement(By.cssSelector("#plan-chart-now text")).getText());
        assertEquals(plan.totals().objectiveUsd(), number(browser.visible(By.id("plan-objective"))), 0.005);
        assertEquals(-576, number(browser.visible(By.id("plan-import"))), 0.005, "a cost shown negative");
        WebElement battery = browser.visible(By.cssSelector("#plan-now tr[data-figure='battery']"));
        assertEquals(-120, number(battery.findElements(By.tagName("td")).get(1)));
        assertEquals(35.5, number(browser.visible(By.cssSelector("#plan-now tr[data-figure='soc'] td:last-child"))));
        assertTrue(browser.visible(By.id("plan-battery-reason")).getText().contains("recharging from headroom"));
        browser.screenshot("plan-fallback");
    }

    @Test
    void thePlanFitsAPhoneScreen() throws Exception {
        SERVER.answer("/api/v1/plan", 200, asTheApiWritesIt(fallback(System.currentTimeMillis())));
        assertEquals(List.of(), SERVER.overflowOnAPhone("plan", By.cssSelector("#plan-now tr[data-figure='pv']")),
                "plan.html at 390 px");
    }

    @Test
    void aSiteWithoutAPlannerIsToldSo() {
        assertTrue(SERVER.toldOff("plan", "/api/v1/plan", "the planner is off: the site has no planner section"));
        assertEquals("page", SERVER.browser().visible(By.id("nav-plan")).getAttribute("aria-current"));
    }
}
