package io.containeredge.simulator.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.MinerCurve;
import io.containeredge.site.api.MinerDialect;
import io.containeredge.site.api.MinerModel;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.physics.ContainerModel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The miners' CGMiner-style API over real TCP, on the demo site's 240 miners and a virtual clock. */
class MinerApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Simulator sim;
    private ContainerModel model;
    private MinerFleetConfig fleet;

    @BeforeEach
    void setUp() throws Exception {
        LoadedSite site = SiteDocuments.loadBuiltIn("demo-container");
        fleet = site.config().miners();
        sim = Simulator.start(site, SimulatorOptions.forTests());
        model = sim.model();
        sim.advance(Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    /** A demo miner's model: its nominal figures and curve, which the simulated unit shows within its spread. */
    private MinerModel modelOf(int miner) {
        return fleet.modelOf(miner).orElseThrow();
    }

    /** Like most API clients: sends the request and waits, without closing its side. */
    private JsonNode ask(int miner, String request) throws IOException {
        return JSON.readTree(askRaw(sim.minerPort(miner), request, 3000, false));
    }

    static String askRaw(int port, String request, int timeoutMs, boolean halfClose) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(timeoutMs);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            if (halfClose) {
                s.shutdownOutput();
            }
            String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\u0000"), "cgminer-style NUL terminator");
            return text.substring(0, text.length() - 1);
        }
    }

    @Test
    void summaryParses() throws Exception {
        JsonNode r = ask(3, "{\"command\":\"summary\"}");
        JsonNode status = r.get("STATUS").get(0);
        assertEquals("S", status.get("STATUS").asText());
        assertEquals(11, status.get("Code").asInt());
        assertEquals(model.epochMillis() / 1000, status.get("When").asLong());
        JsonNode s = r.get("SUMMARY").get(0);
        double nominalGhs = modelOf(3).nominalHashrateTh() * 1000;
        assertEquals(nominalGhs, s.get("GHS 5s").asDouble(), nominalGhs * 0.1);
        assertEquals(modelOf(3).nominalPowerW(), s.get("Power").asInt());
        assertEquals("hashing", s.get("State").asText());
        assertTrue(s.get("Temperature").asDouble() > s.get("Inlet Temp").asDouble());
        JsonNode stats = ask(3, "{\"command\":\"stats\"}");
        assertTrue(stats.get("STATS").get(1).has("temp_chip1"));
        assertEquals(3, ask(3, "{\"command\":\"devs\"}").get("DEVS").size());
        assertEquals("4.11.1", ask(3, "version").get("VERSION").get(0).get("CGMiner").asText());
        model.advance(61_000);
        Miner three = model.miner(3);
        double unitGhs = three.unit().hashrateThAt(three.powerW()) * 1000;
        assertEquals(unitGhs, ask(3, "summary").get("SUMMARY").get(0).get("GHS 1m").asDouble(), unitGhs * 0.01,
                "a minute on: the last minute's average of its unit's curve at its power, without the 5 s jitter");
        JsonNode both = ask(3, "{\"command\":\"summary+devs\"}");
        assertTrue(both.has("summary") && both.has("devs"));
    }

    @Test
    void sleepTakesTheSleepTimeAndWakeTheWakeTime() throws Exception {
        JsonNode r = ask(7, "{\"command\":\"sleep\"}");
        assertEquals("S", r.get("STATUS").get(0).get("STATUS").asText());
        sim.advance(Duration.ofMillis(2800));
        assertEquals(Miner.State.GOING_TO_SLEEP, model.miner(7).state());
        assertEquals("going-to-sleep", ask(7, "summary").get("SUMMARY").get(0).get("State").asText());
        sim.advance(Duration.ofMillis(300));
        assertEquals(Miner.State.SLEEPING, model.miner(7).state());
        assertEquals(25, ask(7, "summary").get("SUMMARY").get(0).get("Power").asInt());
        assertEquals(0, ask(7, "summary").get("SUMMARY").get(0).get("GHS 5s").asDouble());
        ask(7, "{\"command\":\"wakeup\"}");
        sim.advance(Duration.ofMillis(7900));
        assertEquals(Miner.State.WAKING, model.miner(7).state());
        sim.advance(Duration.ofMillis(200));
        assertEquals(Miner.State.HASHING, model.miner(7).state());
        assertEquals(fleet.ratedPowerWOf(7), model.miner(7).powerW(), 1e-6);
    }

    @Test
    void powerTargetScalesPowerAndHashrate() throws Exception {
        // the unit's own curve is its model's scaled by its spread: the ratio of two points is the model's
        double nominalTh = model.miner(1).hashrateThs();
        MinerCurve curve = modelOf(1).curve();
        JsonNode ok = ask(1, "{\"command\":\"powertarget\",\"parameter\":\"1750\"}");
        assertEquals(302, ok.get("STATUS").get(0).get("Code").asInt());
        sim.advance(Duration.ofSeconds(5));
        assertEquals(1750, model.miner(1).powerW(), 1e-6);
        assertEquals(nominalTh * curve.hashrateThAt(1750) / curve.hashrateThAt(modelOf(1).nominalPowerW()),
                model.miner(1).hashrateThs(), 1e-6);
        JsonNode bad = ask(1, "{\"command\":\"powertarget\",\"parameter\":\"99999\"}");
        assertEquals("E", bad.get("STATUS").get(0).get("STATUS").asText());
        assertEquals(304, bad.get("STATUS").get(0).get("Code").asInt());
        assertEquals(303, ask(1, "{\"command\":\"powertarget\"}").get("STATUS").get(0).get("Code").asInt());
    }

    @Test
    void badRequestsGetErrorsNotCrashes() throws Exception {
        String truncated = askRaw(sim.minerPort(0), "{\"command\": ", 3000, true);
        assertEquals(23, JSON.readTree(truncated).get("STATUS").get(0).get("Code").asInt(), "truncated JSON + EOF");
        assertEquals(23, ask(0, "{\"nope\":1}").get("STATUS").get(0).get("Code").asInt());
        assertEquals(14, ask(0, "{\"command\":\"rm -rf\"}").get("STATUS").get(0).get("Code").asInt());
        assertEquals(23, ask(0, "{" + "x".repeat(20_000)).get("STATUS").get(0).get("Code").asInt(), "oversized");
        assertEquals("S", ask(0, "{\"command\":\"summary\"}").get("STATUS").get(0).get("STATUS").asText());
    }

    @Test
    void allMinersAreServedFromOneThread() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < model.minerCount(); i++) {
            ports.add(sim.minerPort(i));
            if (fleet.dialectOf(i).transport() == MinerDialect.Transport.TCP_JSON) {
                assertEquals("S", ask(i, "{\"command\":\"summary\"}").get("STATUS").get(0).get("STATUS").asText());
            }
        }
        assertEquals(240, ports.size());
        long fleetThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("miner-fleet")).count();
        assertEquals(1, fleetThreads);
    }

    @Test
    void unreachableHangAndOverheat() throws Exception {
        sim.inject("miner-unreachable 5-6");
        waitUntil(() -> refused(sim.minerPort(6)));
        sim.inject("miner-hang 9");
        Thread.sleep(300);
        assertThrows(SocketTimeoutException.class, () -> askRaw(sim.minerPort(9), "summary\n", 500, false));
        sim.inject("clear");
        waitUntil(() -> !refused(sim.minerPort(6)));
        assertEquals("S", ask(9, "summary").get("STATUS").get(0).get("STATUS").asText());
        sim.inject("pump-stop");
        sim.advance(Duration.ofMinutes(4));
        assertTrue(model.supplyC() > 45, "supply " + model.supplyC());
        assertEquals(Miner.State.OVERHEAT, model.miner(0).state());
        JsonNode s = ask(0, "summary");
        assertEquals("W", s.get("STATUS").get(0).get("STATUS").asText());
        assertTrue(s.get("SUMMARY").get(0).get("Overheat Shutdown").asBoolean());
        assertFalse(s.get("SUMMARY").get(0).get("GHS 5s").asDouble() > 0);
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void waitUntil(Condition c) throws Exception {
        long deadline = System.currentTimeMillis() + 3000;
        while (!c.met()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 3 s");
            }
            Thread.sleep(50);
        }
    }
}
