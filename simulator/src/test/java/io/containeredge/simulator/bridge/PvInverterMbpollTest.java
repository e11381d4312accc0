package io.containeredge.simulator.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.profile.PointDef;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's PV inverter over real Modbus TCP, read by an independent client (mbpoll): the SunSpec marker, then
 * model 103's W and W_SF, which give the plant's output; St says mppt by day and sleeping at night. mbpoll also
 * writes model 704's power limit: it cuts the output, its reversion restores it, a value out of range is refused.
 */
class PvInverterMbpollTest {

    private static final Pattern REGISTER = Pattern.compile("\\[(\\d+)\\]:\\s+(-?\\d+)");
    private Simulator sim;

    @AfterEach
    void tearDown() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start(String utc) throws Exception {
        sim = Simulator.start(SiteDocuments.loadBuiltIn("demo-container"), SimulatorOptions.forTests()
                .withServeMiners(false).withEpochStartMillis(Instant.parse(utc).toEpochMilli()));
        sim.advance(Duration.ofSeconds(2));
    }

    /** What mbpoll printed and how it exited. */
    private record Run(String out, int exit) {
    }

    /**
     * mbpoll on the pv unit's holding registers from {@code address} (0-based): reads {@code count} registers, or
     * writes {@code values} when there are any.
     */
    private Run run(int address, int count, List<String> values) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mbpoll", "-m", "tcp", "-a", "6", "-0", "-r",
                String.valueOf(address), "-t", "4", "-1", "-p", String.valueOf(sim.port("container-gw"))));
        if (values.isEmpty()) {
            cmd.addAll(List.of("-c", String.valueOf(count)));
        }
        cmd.add("127.0.0.1");
        cmd.addAll(values);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "mbpoll finished");
        return new Run(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8), p.exitValue());
    }

    /** Holding registers from {@code address} (0-based), read by mbpoll from the pv unit. */
    private List<Integer> mbpoll(int address, int count) throws Exception {
        String out = run(address, count, List.of()).out();
        List<Integer> words = new ArrayList<>();
        Matcher m = REGISTER.matcher(out);
        while (m.find()) {
            words.add(Integer.parseInt(m.group(2)));
        }
        assertEquals(count, words.size(), "mbpoll output: " + out);
        return words;
    }

    /** W and W_SF are neighbours in model 103: one read. */
    private double wattsByMbpoll() throws Exception {
        PointDef w = sim.image("pv").point("m103.W");
        assertEquals(w.address() + 1, sim.image("pv").point("m103.W_SF").address());
        List<Integer> words = mbpoll(w.address(), 2);
        return (short) words.get(0).intValue() * Math.pow(10, (short) words.get(1).intValue());
    }

    @Test
    void mbpollReadsThePlantsOutputFromModel103AtNoon() throws Exception {
        start("2026-06-21T18:48:00Z");
        assertEquals(List.of(0x5375, 0x6e53), mbpoll(40000, 2), "'SunS' marker");
        double plantW = sim.model().pv().kw() * 1000;
        assertTrue(plantW > 350_000, "noon: " + plantW);
        assertEquals(plantW, wattsByMbpoll(), plantW * 0.01);
        assertEquals("mppt", sim.image("pv").get("m103.St").value());
        assertTrue(sim.image("pv").number("m103.WH") > 0);
        assertEquals(plantW, sim.image("pv").number("m701.W"), plantW * 0.01, "701 says the same");
    }

    /** Model 704's power limit block, WMaxLimPctEna .. WMaxLimPctRvrtTms, written in one request by mbpoll. */
    private Run limit(boolean enabled, double pct, double fallbackPct, boolean fallbackEnabled, int reversionS)
            throws Exception {
        PointDef ena = sim.image("pv").point("m704.WMaxLimPctEna");
        assertEquals(ena.address() + 4, sim.image("pv").point("m704.WMaxLimPctRvrtTms").address());
        int sf = (short) mbpoll(sim.image("pv").point("m704.WMaxLimPct_SF").address(), 1).get(0).intValue();
        return run(ena.address(), 0, List.of(enabled ? "1" : "0", raw(pct, sf), raw(fallbackPct, sf),
                fallbackEnabled ? "1" : "0", "0", String.valueOf(reversionS)));
    }

    private static String raw(double pct, int sf) {
        return String.valueOf(Math.round(pct / Math.pow(10, sf)));
    }

    @Test
    void aWrittenPowerLimitCutsTheOutputAndItsReversionRestoresIt() throws Exception {
        start("2026-06-21T18:48:00Z");
        double freeW = wattsByMbpoll();
        assertTrue(freeW > 350_000, "noon: " + freeW);
        Run write = limit(true, 25, 100, false, 10);
        assertEquals(0, write.exit(), write.out());
        sim.advance(Duration.ofSeconds(1));
        assertEquals(100_000, wattsByMbpoll(), 1_000, "25 % of 400 kW within a second");
        assertEquals("enabled", sim.image("pv").get("m704.WMaxLimPctEna").value());
        double remaining = sim.image("pv").number("m704.WMaxLimPctRvrtRem");
        assertTrue(remaining > 0 && remaining <= 10, "the reversion counts down: " + remaining);
        sim.advance(Duration.ofSeconds(10));
        assertTrue(wattsByMbpoll() > 350_000, "no refresh: the limit reverted to none");
        assertEquals("disabled", sim.image("pv").get("m704.WMaxLimPctEna").value());
    }

    @Test
    void aReversionFallsBackToItsOwnLimitWhenThatIsEnabled() throws Exception {
        start("2026-06-21T18:48:00Z");
        assertEquals(0, limit(true, 10, 50, true, 5).exit());
        sim.advance(Duration.ofSeconds(1));
        assertEquals(40_000, wattsByMbpoll(), 1_000);
        sim.advance(Duration.ofSeconds(6));
        assertEquals(200_000, wattsByMbpoll(), 1_000, "the fallback: 50 % of 400 kW");
        assertEquals(50, sim.image("pv").number("m704.WMaxLimPct"), 0.5);
    }

    @Test
    void aLimitOver100PercentIsRefusedWithAnException() throws Exception {
        start("2026-06-21T18:48:00Z");
        Run write = limit(true, 150, 100, false, 10);
        assertTrue(write.exit() != 0 && write.out().toLowerCase().contains("illegal data value"), write.out());
        sim.advance(Duration.ofSeconds(1));
        assertEquals("disabled", sim.image("pv").get("m704.WMaxLimPctEna").value(), "nothing of it was taken");
        assertTrue(wattsByMbpoll() > 350_000);
    }

    @Test
    void atNightThePlantReadsZeroAndSleeps() throws Exception {
        start("2026-06-21T08:00:00Z");
        assertEquals(0, wattsByMbpoll());
        assertEquals("sleeping", sim.image("pv").get("m103.St").value());
    }
}
