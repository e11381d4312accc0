package io.containeredge.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console benchmark behind deploy/bench/console.sh (a tool, not a test): the e2e fixtures start
 * the simulator, the gateway and headless Chromium; the console is set up with the token from the
 * gateway log, then
 * <ol>
 * <li>the overview is loaded 20 times: load event and first live coolant supply value;</li>
 * <li>10 times the supply sensor goes invalid in the simulator and comes back: time until the overview
 *     shows it, from the page's own clock against the injection's (same machine);</li>
 * <li>no console, then 5 consoles, stay open while the script measures the gateway.</li>
 * </ol>
 * With {@code --smoke} 2 loads, 1 fault and 1 console, without the settling pause: it proves the benchmark
 * works ({@code ./run-tests.sh} runs it), its figures mean nothing.
 * Prints {@code key=value} lines on stdout; before each phase of step 3 it prints {@code ready=<phase>}
 * and waits for a line on stdin, so the script measures exactly while that phase holds.
 *   usage: ConsoleBench <work dir> [--smoke]
 */
public final class ConsoleBench {

    /** How many of each: page loads, sensor faults, consoles; the pause before the idle phase. */
    private record Sizes(int loads, int trials, int consoles, Duration settle) {
    }

    private static final Sizes FULL = new Sizes(20, 10, 5, Duration.ofSeconds(30));
    private static final Sizes SMOKE = new Sizes(2, 1, 1, Duration.ZERO);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USER = "bench-admin";
    private static final String PASSWORD = "bench-password-not-secret";
    /** One reader for all hand-overs: a second one could miss what the first buffered. */
    private static final BufferedReader SCRIPT = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    /**
     * Runs before the overview's own scripts (installed through CDP), so even a value shown during the
     * load is seen: logs each switch of the coolant supply between "a number" and "none" (the page
     * shows '—' when the reading is not good), with the page's wall clock and the time since navigation.
     */
    private static final String SUPPLY_LOG = """
            window.supplyLog = [];
            new MutationObserver(() => {
              const e = document.getElementById('overview-supply-temp');
              if (!e) return;
              const number = /\\d/.test(e.textContent);
              const last = window.supplyLog[window.supplyLog.length - 1];
              if (last ? last.number !== number : number) {
                window.supplyLog.push({ number, at: Date.now(), sinceStart: performance.now() });
              }
            }).observe(document, { childList: true, subtree: true, characterData: true });
            """;

    private final RunningContainer container;
    private final Browser browser;
    private final String overview;
    private final Sizes sizes;

    private ConsoleBench(RunningContainer container, Browser browser, Sizes sizes) {
        this.container = container;
        this.browser = browser;
        this.sizes = sizes;
        this.overview = "http://127.0.0.1:" + container.api.port() + "/console/index.html";
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Sizes sizes = args.length > 1 && args[1].equals("--smoke") ? SMOKE : FULL;
        RunningContainer container = RunningContainer.start(work, site -> site, 0);
        Browser browser = Browser.start(work.resolve("chromium-profile"));
        // One way out for all three processes, also when the script stops this JVM by SIGTERM.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                browser.close();
                container.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println("gateway_pid=" + container.gateway().pid());
        System.out.println("chromium=" + ((HasCapabilities) browser.driver).getCapabilities().getBrowserVersion());
        System.out.println("consoles=" + sizes.consoles());
        ConsoleBench bench = new ConsoleBench(container, browser, sizes);
        bench.setUp();
        bench.pageLoads();
        bench.changeToScreen();
        bench.openConsoles();
        System.exit(0);   // runs the hook; Selenium's threads would otherwise keep the JVM up
    }

    /** First-time setup with the token from the gateway log; it leaves the browser logged in. */
    private void setUp() throws Exception {
        String token = container.gateway().await("console setup token: (\\S+)", WAIT).group(1);
        browser.createFirstAdministrator(overview.replace("index.html", ""), token, USER, PASSWORD);
        logSupplyInThisWindow();
    }

    /** Installs {@link #SUPPLY_LOG} for every page the current window loads from now on. */
    private void logSupplyInThisWindow() {
        ((ChromeDriver) browser.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", SUPPLY_LOG));
    }

    /** 1. Load event and first live value, from the page's Navigation Timing (warm browser cache). */
    private void pageLoads() throws Exception {
        List<Double> load = new ArrayList<>();
        List<Double> firstValue = new ArrayList<>();
        for (int i = 0; i < sizes.loads(); i++) {
            browser.open(overview);
            List<?> times = (List<?>) await("""
                    const nav = performance.getEntriesByType('navigation')[0];
                    const shown = window.supplyLog.find((s) => s.number);
                    return nav.loadEventEnd > 0 && shown ? [nav.loadEventEnd - nav.startTime, shown.sinceStart] : null;
                    """);
            load.add(((Number) times.get(0)).doubleValue());
            firstValue.add(((Number) times.get(1)).doubleValue());
        }
        print("load", load);
        print("first_value", firstValue);
    }

    /** 2. Sensor invalid and back, injected at a random phase of the gateway's poll and stream cycles. */
    private void changeToScreen() throws Exception {
        Random random = new Random(7);
        List<Double> invalid = new ArrayList<>();
        List<Double> back = new ArrayList<>();
        for (int i = 0; i < sizes.trials(); i++) {
            Thread.sleep(1000 + random.nextInt(1000));
            invalid.add(inject("sensor-invalid cdu supply_temp", false));
            Thread.sleep(1000 + random.nextInt(1000));
            back.add(inject("clear cdu", true));
        }
        print("invalid_shown", invalid);
        print("number_back", back);
    }

    /** Sends a fault command; returns the ms until the overview's supply value became (not) a number. */
    private double inject(String command, boolean number) throws Exception {
        long sent = System.currentTimeMillis();
        container.simulator.send(command);
        Number shownAt = (Number) await("return window.supplyLog.filter((s) => s.at >= " + sent
                + " && s.number === " + number + ").map((s) => s.at)[0] ?? null;");
        return shownAt.longValue() - sent;
    }

    /** 3. No console open, then {@code consoles} overview windows, each held while the script measures. */
    private void openConsoles() throws Exception {
        browser.open("about:blank");   // the session's window stays, without a stream
        Thread.sleep(sizes.settle().toMillis()); // the JIT and GC work of the trials above must not count as idle
        handOver("idle");
        for (int i = 0; i < sizes.consoles(); i++) {
            browser.driver.switchTo().newWindow(WindowType.WINDOW);
            logSupplyInThisWindow();
            browser.open(overview);
            await("return window.supplyLog.some((s) => s.number) || null;");   // streaming
        }
        handOver("consoles");
    }

    /** Tells the script a phase holds and waits until it has measured (or is gone: end of input). */
    private static void handOver(String phase) throws Exception {
        System.out.println("ready=" + phase);
        System.out.flush();
        SCRIPT.readLine();
    }

    /** Runs {@code js} in the current window until it returns non-null, for up to {@link #WAIT}. */
    private Object await(String js) throws Exception {
        Object[] result = new Object[1];
        Eventually.within(WAIT, () -> {
            result[0] = ((JavascriptExecutor) browser.driver).executeScript(js);
            if (result[0] == null) {
                throw new AssertionError("no result within " + WAIT + " from: " + js);
            }
        });
        return result[0];
    }

    /** Nearest-rank p50, p95 and max in ms (with 10 samples p95 is the maximum). */
    private static void print(String name, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%s=p50 %.0f ms, p95 %.0f ms, max %.0f ms (n=%d)%n", name, rank(sorted, 0.50),
                rank(sorted, 0.95), sorted.get(sorted.size() - 1), sorted.size());
        System.out.flush();
    }

    private static double rank(List<Double> sorted, double p) {
        return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }
}
