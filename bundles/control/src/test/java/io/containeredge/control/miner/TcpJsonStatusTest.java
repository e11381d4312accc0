package io.containeredge.control.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.site.api.MinerDialects;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Summaries as the simulator and other firmwares write them, including the fields they leave out, read as the
 * shipped cgminer dialect says.
 */
class TcpJsonStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MinerEndpoint MINER = new MinerEndpoint(4, "127.0.0.1", 4028, 3500);

    private static MinerStatus parse(String json) throws Exception {
        return TcpJsonMinerClient.read(MinerDialects.defaultDialect(), Map.of("summary", JSON.readTree(json)), MINER, 1234);
    }

    @Test
    void curtailmentFirmwareSummary() throws Exception {
        MinerStatus s = parse("{\"STATUS\":[{\"STATUS\":\"S\",\"Msg\":\"Summary\"}],\"SUMMARY\":[{\"GHS 5s\":99500.5,"
                + "\"Power\":3012,\"Power Target\":3000,\"State\":\"hashing\",\"Inlet Temp\":31.2,"
                + "\"Outlet Temp\":38.0,\"Temperature\":55.4}]}");
        assertEquals(new MinerStatus(4, true, MinerMode.AWAKE, 3012, 3000, 99.5005, 55.4, 1234, null, Double.NaN, 0,
                null, "cgminer"), s);
    }

    @Test
    void statesMapToModes() throws Exception {
        assertEquals(MinerMode.SLEEPING, parse("{\"SUMMARY\":[{\"State\":\"going-to-sleep\"}]}").mode());
        assertEquals(MinerMode.SLEEPING, parse("{\"SUMMARY\":[{\"State\":\"sleeping\"}]}").mode());
        assertEquals(MinerMode.AWAKE, parse("{\"SUMMARY\":[{\"State\":\"waking\"}]}").mode());
        assertEquals(MinerMode.UNKNOWN, parse("{\"SUMMARY\":[{\"State\":\"tuning\"}]}").mode());
    }

    @Test
    void overheatWarningIsKeptAsError() throws Exception {
        MinerStatus s = parse("{\"STATUS\":[{\"STATUS\":\"W\",\"Msg\":\"Summary: overheat shutdown\"}],"
                + "\"SUMMARY\":[{\"State\":\"overheat-shutdown\",\"Power\":25}]}");
        assertEquals(MinerMode.SLEEPING, s.mode());
        assertEquals("Summary: overheat shutdown", s.error());
        assertTrue(s.reachable());
    }

    @Test
    void stockCgminerWithoutPowerOrStateIsWorstCase() throws Exception {
        MinerStatus s = parse("{\"STATUS\":[{\"STATUS\":\"S\"}],\"SUMMARY\":[{\"MHS 5s\":\"95000000\"}]}");
        assertEquals(MinerMode.AWAKE, s.mode());
        assertEquals(95, s.hashrateThs(), 1e-9);
        assertEquals(3500, s.powerW());
        assertEquals(3500, s.targetW());
        assertTrue(Double.isNaN(s.maxTempC()));
        assertNull(s.error());
    }

    @Test
    void theShortestWindowedAverageIsReadWithItsWindowAndASinceBootAverageIsNot() throws Exception {
        MinerStatus oneMinute = parse("{\"SUMMARY\":[{\"GHS 5s\":99000,\"GHS 1m\":101000,\"GHS 15m\":100000,"
                + "\"GHS av\":98000}]}");
        assertEquals(101, oneMinute.averageThs(), 1e-9);
        assertEquals(60, oneMinute.averageWindowSeconds());
        MinerStatus cgminer = parse("{\"SUMMARY\":[{\"MHS 5s\":95000000,\"MHS 15m\":\"96000000\"}]}");
        assertEquals(96, cgminer.averageThs(), 1e-9);
        assertEquals(900, cgminer.averageWindowSeconds());
        MinerStatus sinceBoot = parse("{\"SUMMARY\":[{\"GHS 5s\":99000,\"GHS av\":98000}]}");
        assertTrue(Double.isNaN(sinceBoot.averageThs()));
        assertEquals(0, sinceBoot.averageWindowSeconds());
    }

    @Test
    void noSummaryAtAll() throws Exception {
        MinerStatus s = parse("{\"STATUS\":[{\"STATUS\":\"S\"}]}");
        assertEquals(MinerMode.UNKNOWN, s.mode());
        assertEquals(0, s.hashrateThs());
        assertEquals(3500, s.powerW());
    }
}
