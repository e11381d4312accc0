package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.console.overview.LiveInputs;
import io.containeredge.console.overview.OverviewBuilder;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.FrequencyStatus;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.control.api.PeakStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The Events page and the overview's grid line in headless Chromium, against the console's own files: {@code
 * /api/v1/grid} answered as the API writes it (an active, an upcoming and a completed event with its performance,
 * the frequency guard shedding, a peak alert on), and the live stream's overview as the console builds it. A viewer
 * sees everything and no form.
 */
class EventsPageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ConsolePageServer SERVER = new ConsolePageServer();

    private static String event(String id, String name, String state, long start, String target, String performance,
            String optOut) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"source\":\"mqtt:ops/r-1\",\"state\":\"" + state
                + "\",\"notifiedMillis\":" + (start - 600_000) + ",\"startMillis\":" + start + ",\"endMillis\":"
                + (start + 3_600_000) + ",\"rampSeconds\":300,\"intervals\":[{\"startMillis\":" + start
                + ",\"endMillis\":" + (start + 3_600_000) + "," + target + "}],\"targetKw\":"
                + (state.equals("ACTIVE") ? "600" : "null") + ",\"reason\":\"\",\"optOut\":\"" + optOut
                + "\",\"performance\":" + performance + ",\"csv\":\"/api/v1/events/" + id + "/performance.csv\"}";
    }

    /** As {@code GET /api/v1/grid} writes it (GridJson): times in epoch ms, NaN null. */
    private static String grid(long now) {
        String perf = "{\"eventId\":\"mqtt:dr-1\",\"baselineKw\":1020,\"meanTargetKw\":600,\"meanImportKw\":590,"
                + "\"achievedReductionKw\":430,\"shortfallKwS\":125.5,\"measuredSeconds\":3300,"
                + "\"compliantSeconds\":3135,\"unmeasuredSeconds\":0,\"optOut\":\"\"}";
        return "{\"timestampMillis\":" + now + ",\"frequency\":{\"point\":\"meter-main/frequency\",\"hz\":59.62,"
                + "\"state\":\"SHED\",\"thresholdHz\":59.7,\"restoreHz\":59.9,\"reason\":\"below 59.70 Hz for 2"
                + " readings\",\"sheds\":1},\"peaks\":{\"alert\":true,\"alertUntilMillis\":" + (now + 7_200_000)
                + ",\"inWindow\":false,\"capKw\":800,\"binding\":false,\"nextWindowStartMillis\":" + (now + 3_600_000)
                + ",\"source\":\"mqtt:ops/p-1\"},\"binding\":\"event Heat wave: import limit 600 kW\",\"events\":["
                + event("mqtt:dr-1", "Last week", "COMPLETED", now - 86_400_000,
                        "\"kind\":\"IMPORT_LIMIT_KW\",\"value\":600", perf, "") + ","
                + event("mqtt:dr-2", "Heat wave", "ACTIVE", now - 600_000,
                        "\"kind\":\"IMPORT_LIMIT_KW\",\"value\":600", "null", "") + ","
                + event("mqtt:dr-3", "Evening", "UPCOMING", now + 7_200_000,
                        "\"kind\":\"REDUCTION_KW\",\"value\":250", "null", "AI floors draw 650 kW") + "]}";
    }

    private static String cell(String row, int column) {
        return SERVER.browser().visible(By.cssSelector(row + " td:nth-child(" + column + ")")).getText();
    }

    @Test
    void theGridTheEventsAndThePastPerformanceAreShownToAViewerWithoutForms() throws Exception {
        Browser browser = SERVER.browser();
        SERVER.answer("/api/v1/grid", 200, grid(System.currentTimeMillis()));
        browser.open(SERVER.console() + "events.html");

        browser.awaitText(By.id("events-binding"), "event Heat wave: import limit 600 kW", Duration.ofSeconds(10));
        assertEquals("SHED", browser.visible(By.id("events-frequency")).getAttribute("data-state"));
        assertEquals("59.620 Hz", browser.visible(By.id("events-frequency-hz")).getText());
        assertEquals("true", browser.visible(By.id("events-peak-alert")).getAttribute("data-alert"));
        String active = "#events-active tr[data-event='mqtt:dr-2']";
        assertEquals("import ≤ 600 kW", cell(active, 2));
        assertEquals("600 kW", cell(active, 3), "allowed now");
        String upcoming = "#events-upcoming tr[data-event='mqtt:dr-3']";
        assertEquals("250 kW below baseline", cell(upcoming, 2));
        assertEquals("AI floors draw 650 kW", cell(upcoming, 7), "the opt-out");
        String past = "#events-past tr[data-event='mqtt:dr-1']";
        assertEquals("1,020 kW", cell(past, 5), "the baseline");
        assertEquals("430 kW", cell(past, 6), "the achieved reduction");
        assertEquals("126 kW·s", cell(past, 7), "the shortfall");
        assertEquals("95.0 %", cell(past, 8), "3135 of 3300 s compliant");
        String csv = browser.visible(By.cssSelector(past + " a[data-testid='event-csv']")).getAttribute("href");
        assertTrue(csv.endsWith("/api/v1/events/mqtt:dr-1/performance.csv"), csv);
        assertNotNull(browser.driver.findElement(By.id("events-schedule-form")).getAttribute("hidden"),
                "a viewer gets no schedule form");
        assertTrue(browser.driver.findElements(By.cssSelector("button[data-testid='event-cancel']")).isEmpty());
        assertEquals("page", browser.visible(By.id("nav-events")).getAttribute("aria-current"));
        browser.screenshot("events");
    }

    @Test
    void theOverviewNamesWhatBindsAndTheFrequencyGuard() throws Exception {
        Browser browser = SERVER.browser();
        long now = System.currentTimeMillis();
        GridEvent e = new GridEvent("mqtt:dr-2", "mqtt:ops/r-1", "Heat wave", now, Duration.ZERO, List.of(
                new EventInterval(now, now + 3_600_000, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 600))));
        GridStatus grid = new GridStatus(now, Optional.of(new FrequencyStatus("meter-main/frequency", 59.62, "SHED",
                59.7, 59.9, "below 59.70 Hz", 1)), Optional.of(new PeakStatus(true, now + 60_000, false, 800, false,
                0, "ops")), List.of(new GridEventStatus(e, GridEventStatus.State.ACTIVE, 600, "", "", null)),
                Optional.of("event Heat wave: import limit 600 kW"));
        SERVER.events("/api/v1/stream", "overview", JSON.writeValueAsString(OverviewBuilder.build(
                new LiveInputs(now, null, null, null, List.of(), List.of(), null, null, grid)).overview()));
        browser.open(SERVER.console() + "index.html");

        browser.awaitText(By.id("overview-grid-binding"), "event Heat wave: import limit 600 kW",
                Duration.ofSeconds(10));
        assertEquals("SHED", browser.visible(By.id("overview-frequency")).getAttribute("data-state"));
        assertEquals("SHED 59.620 Hz", browser.visible(By.id("overview-frequency")).getText());
        assertEquals("on", browser.visible(By.id("overview-peak-alert")).getText());
    }
}
