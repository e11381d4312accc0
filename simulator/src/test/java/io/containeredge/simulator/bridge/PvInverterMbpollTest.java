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
 * model 103's W and W_SF, which give the plant's output; St says mppt by day and sleeping at night.
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

    /** Holding registers from {@code address} (0-based), read by mbpoll from the pv unit. */
    private List<Integer> mbpoll(int address, int count) throws Exception {
        Process p = new ProcessBuilder("mbpoll", "-m", "tcp", "-a", "6", "-0", "-r", String.valueOf(address), "-c",
                String.valueOf(count), "-t", "4", "-1", "-p", String.valueOf(sim.port("container-gw")), "127.0.0.1")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "mbpoll finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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

    @Test
    void atNightThePlantReadsZeroAndSleeps() throws Exception {
        start("2026-06-21T08:00:00Z");
        assertEquals(0, wattsByMbpoll());
        assertEquals("sleeping", sim.image("pv").get("m103.St").value());
    }
}
