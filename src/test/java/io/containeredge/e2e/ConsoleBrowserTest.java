package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A field technician's first hour with the console, in headless Chromium against the assembled
 * gateway and the simulated container: first-time setup with the token from the log, the overview
 * showing the simulator's live values, acknowledging the alarm of an injected fault, an invalid
 * configuration edit that shows its error and changes nothing, and a valid one that applies.
 * Screenshots of each step are kept under {@code src/test/target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final String ADMIN = "site-admin";
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @TempDir
    static Path work;
    static RunningContainer container;
    static Browser browser;
    static String console;

    @BeforeAll
    static void start() throws Exception {
        container = RunningContainer.start(work, ConsoleBrowserTest::quickerAuxMeterLoss, 0);
        browser = Browser.start(work.resolve("chromium-profile"));
        console = "http://127.0.0.1:" + container.api.port() + "/console/";
    }

    /**
     * The demo site with the auxiliary meter's slow points (its common model) read every 2 s instead of 10 s: a
     * device is lost once all its points are stale, the slow ones after three of their periods, so the alarm of
     * the meter taken offline below is raised ~25 s sooner.
     */
    static String quickerAuxMeterLoss(String demo) {
        String meter = "{id: meter-aux, role: meter, profile: sunspec-meter-203, connection: container-gw, unitId: 5";
        if (!demo.contains(meter + "}")) {
            throw new IllegalStateException("the demo site's meter-aux was not found to edit");
        }
        return demo.replace(meter + "}", meter + ", poll: {slow: 2s}}");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (container != null) {
                container.close();
            }
        }
    }

    @Test
    @Order(1)
    void firstTimeSetupWithTheTokenFromTheLogCreatesTheAdministrator() throws Exception {
        browser.open(console + "index.html");
        browser.visible(By.id("login-name")); // not logged in: the login page
        String token = container.gateway().await("console setup token: (\\S+)", Duration.ofSeconds(10)).group(1);

        browser.createFirstAdministrator(console, token, ADMIN, PASSWORD);
        browser.screenshot("01-overview-after-setup");
    }

    @Test
    @Order(2)
    void theOverviewShowsTheSimulatorsLiveValues() throws Exception {
        Eventually.within(Duration.ofSeconds(30), () -> {
            double api = container.api.point("cdu", "supply_temp").get("value").asDouble();
            double shown = number(browser.visible(By.id("overview-supply-temp")).getText());
            assertEquals(api, shown, 0.3, "coolant supply on screen vs in the process image");
        });
        assertTrue(!browser.visible(By.id("overview-state")).getText().isBlank());
        // this container's miners listen nowhere: every one is unreachable, none counted as asleep
        browser.awaitText(By.id("overview-miners-unreachable"), "240", Duration.ofSeconds(30));
        assertEquals("0", browser.visible(By.id("overview-miners-asleep")).getText());
        browser.screenshot("02-overview-live");
    }

    @Test
    @Order(3)
    void aLoggedOutTechnicianLogsInAgain() throws Exception {
        browser.driver.manage().deleteAllCookies();
        logIn();
    }

    private static void logIn() {
        browser.open(console + "index.html");
        browser.type(By.id("login-name"), ADMIN);
        browser.type(By.id("login-password"), PASSWORD);
        browser.click(By.id("login-submit"));
        browser.visible(By.id("overview-state"));
    }

    @Test
    @Order(4)
    void theAlarmOfAnInjectedFaultIsAcknowledged() throws Exception {
        container.simulator.send("device-offline meter-aux");
        browser.open(console + "alarms.html");
        By row = By.cssSelector("#alarms-active tr[data-alarm-id='comm.meter-aux']");
        Eventually.within(Duration.ofSeconds(90), () -> {
            browser.open(console + "alarms.html");
            browser.visible(row);
        });
        browser.screenshot("03-alarm-raised");
        browser.click(By.cssSelector("#alarms-active tr[data-alarm-id='comm.meter-aux'] button[data-testid='alarm-ack']"));
        Eventually.within(Duration.ofSeconds(20), () ->
                assertEquals("true", browser.visible(row).getAttribute("data-acknowledged")));
        assertTrue(container.api.get("/api/v1/control/alarms").toString().contains(ADMIN),
                "acknowledged in the controller's name of the user");
        browser.screenshot("04-alarm-acknowledged");
        container.simulator.send("device-online meter-aux");
    }

    @Test
    @Order(5)
    void anUnsafeEditShowsTheValidatorsErrorAndChangesNothing() throws Exception {
        int before = version();
        WebElement editor = configEditorHolding("coolantSupplyTripC");
        setEditor(editor, editor.getAttribute("value").replace("coolantSupplyTripC: 45", "coolantSupplyTripC: 38"));
        browser.click(By.id("config-validate"));
        browser.awaitText(By.id("config-errors"), "coolantSupplyTripC", Duration.ofSeconds(20));
        browser.screenshot("05-config-error");
        assertEquals(before, version(), "nothing applied");
    }

    @Test
    @Order(6)
    void aValidEditIsAppliedAsANewVersion() throws Exception {
        int before = version();
        WebElement editor = configEditorHolding("importCapKw: 2200");
        setEditor(editor, editor.getAttribute("value").replace("importCapKw: 2200", "importCapKw: 2150"));
        browser.click(By.id("config-apply"));
        browser.visible(By.id("config-diff"));
        browser.screenshot("06-config-diff");
        browser.click(By.id("config-apply-confirm"));
        Eventually.within(Duration.ofSeconds(60), () -> assertEquals(before + 1, version()));
        assertTrue(container.api.get("/api/v1/config").get("documents").get("site").asText().contains("importCapKw: 2150"));
        browser.screenshot("07-config-applied");
    }

    /**
     * Every page on a phone-sized screen (390 px wide): nothing runs off the right edge, the System page's
     * long values (version, start time, Java, uptime, configuration) included. Screenshots {@code 08-phone-*}.
     */
    @Test
    @Order(7)
    void everyPageFitsAPhoneScreen() throws Exception {
        browser.phoneScreen(390, 844);
        try {
            for (String page : List.of("index", "charts", "economics", "efficiency", "plan", "ai", "alarms",
                    "devices", "config", "overrides", "audit", "system")) {
                browser.open(console + page + ".html");
                browser.visible(By.id("page"));
                if (page.equals("system")) {
                    Eventually.within(Duration.ofSeconds(20), () ->
                            assertTrue(browser.visible(By.id("system-java")).getText().length() > 1, "Java shown"));
                }
                Thread.sleep(1500); // the page's first data and live values
                browser.screenshot("08-phone-" + page);
                assertEquals(List.of(), browser.overflowingTheScreen(), page + ".html at 390 px");
            }
            browser.driver.manage().deleteAllCookies();
            for (String page : List.of("login", "setup")) {
                browser.open(console + page + ".html");
                browser.visible(By.tagName("main"));
                browser.screenshot("08-phone-" + page);
                assertEquals(List.of(), browser.overflowingTheScreen(), page + ".html at 390 px");
            }
        } finally {
            browser.desktopScreen();
        }
    }

    /**
     * The Economics page of the demo site (no price file written here: the tariff's 40 USD/MWh, with the fallback
     * said), the same numbers as {@code GET /api/v1/economics}: the breakeven of each of its three models, the
     * profit, the limit and its reason.
     */
    @Test
    @Order(8)
    void theEconomicsPageShowsThePriceItsFallbackTheBreakevensAndTheProfit() throws Exception {
        logIn(); // the phone test ends logged out
        browser.open(console + "economics.html");
        browser.visible(By.id("economics-content"));
        JsonNode api = container.api.get("/api/v1/economics");
        assertEquals(40, number(browser.visible(By.id("economics-price")).getText()), 0.05);
        assertEquals("tariff", browser.visible(By.id("economics-price-source")).getText());
        browser.awaitText(By.id("economics-price-fallback"), "no live price received", Duration.ofSeconds(10));
        for (JsonNode model : api.get("models")) {
            WebElement row = browser.visible(By.cssSelector("#economics-models tr[data-model='"
                    + model.get("model").asText() + "']"));
            assertEquals(model.get("breakevenUsdPerMwh").asDouble(), number(row.findElements(By.tagName("td")).get(1)
                    .getText()), 0.05, row.getText());
        }
        assertEquals(3, api.get("models").size(), "S19j Pro-, S21- and M56S-class");
        assertTrue(NUMBER.matcher(browser.visible(By.id("economics-profit-hour")).getText()).find());
        assertTrue(browser.visible(By.id("economics-profit-basis")).getText().contains("not answering"),
                "this container's miners listen nowhere: counted at their models' curves");
        assertEquals("no limit", browser.visible(By.id("economics-limit")).getText(), "40 USD/MWh: every model pays");
        assertTrue(browser.visible(By.id("economics-reason")).getText().startsWith("every unit runs flat out"));
        assertTrue(Integer.parseInt(browser.visible(By.id("economics-ahead")).getAttribute("data-points")) >= 1);
        assertTrue(browser.visible(By.id("economics-price-file")).getText().endsWith("demo-prices.json"));
        browser.screenshot("09-economics");
    }

    /**
     * The Economics area is one: below its economics panels the Economics page shows the fleet's measured efficiency
     * and the underperformers as {@code GET /api/v1/economics/efficiency} has them, in its order, or says there is
     * none. This rig runs no miners of its own (whatever answers on the demo's miner ports is not under its control)
     * and a unit becomes an underperformer only after 30 min, so it compares the list with the gateway's rather than
     * expecting degraded units: those are found where miners answer, {@code EfficiencyEndToEndTest}. Its link opens
     * the Efficiency page, which keeps the Economics nav entry current, shows every modelled miner with its firmware
     * dialect and the firmware's pause reason as the gateway has them, and links back.
     */
    @Test
    @Order(9)
    void theEconomicsPageShowsTheUnderperformersAndLeadsToEveryMinersEfficiency() throws Exception {
        browser.open(console + "economics.html");
        browser.visible(By.id("economics-underperformers"));
        Eventually.within(Duration.ofSeconds(25), () -> {
            JsonNode api = container.api.get("/api/v1/economics/efficiency");
            List<String> expected = new ArrayList<>();
            api.get("underperformers").forEach(m -> expected.add(m.get("index").asText()));
            List<String> shown = browser.driver.findElements(By.cssSelector("#efficiency-underperformers tr")).stream()
                    .map(tr -> tr.getAttribute("class").equals("empty") ? "none: " + tr.getText()
                            : tr.getAttribute("data-miner"))
                    .toList();
            assertEquals(expected.isEmpty() ? List.of("none: No underperformer.") : expected, shown,
                    "the gateway's underperformers, in its order (most lost revenue first)");
            assertEquals(String.valueOf(expected.size()),
                    browser.visible(By.id("efficiency-underperformer-count")).getText());
        });
        assertTrue(browser.visible(By.id("efficiency-fleet-ths")).getText().endsWith("TH/s"));
        assertEquals(List.of(), browser.driver.findElements(By.id("nav-efficiency")), "one nav entry for the area");
        browser.screenshot("10-economics-efficiency");

        browser.click(By.id("economics-efficiency-link"));
        browser.visible(By.id("efficiency-economics-link"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/console/efficiency.html"), browser.driver.getCurrentUrl());
        assertEquals("page", browser.visible(By.id("nav-economics")).getAttribute("aria-current"));
        JsonNode miners = container.api.get("/api/v1/economics/efficiency").get("miners");
        assertTrue(miners.size() > 0, "the demo's miners have models");
        Eventually.within(Duration.ofSeconds(15), () -> assertEquals(miners.size(),
                browser.driver.findElements(By.cssSelector("#efficiency-miners tr[data-miner]")).size()));
        JsonNode first = miners.get(0);
        WebElement row = browser.visible(By.cssSelector("#efficiency-miners tr[data-miner='"
                + first.get("index").asInt() + "']"));
        assertEquals(first.get("dialect").asText(), row.findElement(By.cssSelector("td.dialect")).getText());
        assertEquals(first.get("pauseReason").isNull() ? "—" : first.get("pauseReason").asText(),
                row.findElement(By.cssSelector("td.pause-reason")).getText(),
                "the firmware's words, as the gateway has them");
        browser.screenshot("11-efficiency");

        browser.click(By.id("efficiency-economics-link"));
        browser.visible(By.id("economics-underperformers"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/console/economics.html"), browser.driver.getCurrentUrl());
    }

    /** The configuration page's editor once it holds the active site (it is loaded after the page). */
    private static WebElement configEditorHolding(String text) throws Exception {
        browser.open(console + "config.html");
        WebElement editor = browser.visible(By.id("config-editor"));
        Eventually.within(Duration.ofSeconds(20), () -> assertTrue(editor.getAttribute("value").contains(text)));
        return editor;
    }

    @Test
    @Order(10)
    void thePlanPageShowsTheGatewaysLivePlan() throws Exception {
        browser.open(console + "plan.html");
        Eventually.within(Duration.ofSeconds(60), () -> {
            JsonNode plan = container.api.get("/api/v1/plan");
            assertEquals("FOLLOWING", plan.get("state").asText(), plan.toString());
            browser.awaitText(By.id("plan-state"), "FOLLOWING", Duration.ofSeconds(15));
        });
        assertTrue(browser.driver.findElements(By.cssSelector("#plan-chart path")).size() >= 5,
                "the 48-hour chart draws its series");
        // the page refreshes every 10 s; the guard's reason is the cycle's after the first solve
        Eventually.within(Duration.ofSeconds(25), () -> assertTrue(
                browser.visible(By.id("plan-battery-reason")).getText().contains("plan slot"),
                "the power guard's reason for the battery, following the plan"));
        browser.screenshot("11-plan");
    }

    private static void setEditor(WebElement editor, String text) {
        ((JavascriptExecutor) browser.driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                editor, text);
    }

    private static int version() throws Exception {
        return container.api.get("/api/v1/config").get("current").get("version").asInt();
    }

    private static double number(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no number in '" + text + "'");
        }
        return Double.parseDouble(m.group());
    }
}
