package io.containeredge.control.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.FleetEfficiency;
import io.containeredge.control.api.MinerEfficiency;
import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.miner.MinerMode;
import io.containeredge.control.miner.MinerStatus;
import io.containeredge.site.api.EconomicsSettings.Efficiency;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One cycle's report carries each miner's firmware dialect and, where the dialect reads one, the firmware's own
 * words on pausing: a Braiins-style miner paused by the controller, one hashing, a CGMiner-style one (whose API
 * says nothing about pausing) and one never polled.
 */
class EfficiencyReportTest {

    static final UnitModel S21 = Polls.unit("s21-class");
    static final long AT = 60_000;

    private static MinerStatus braiins(int index, MinerMode mode, double ths, String pauseReason) {
        return new MinerStatus(index, true, mode, mode == MinerMode.AWAKE ? 3500 : 25, 3500, ths, 60, AT, null, ths,
                Polls.WINDOW_S, pauseReason, "braiins-rest");
    }

    private static FleetEfficiency report(Map<Integer, MinerStatus> polls) {
        Map<Integer, UnitModel> units = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            units.put(i, S21);
        }
        return EfficiencyReport.of(units, new EfficiencyReport.Inputs(1_800_000_000_000L, AT, polls,
                index -> Double.NaN, new LearnedCurves(), new Underperformers(Efficiency.DEFAULTS), 0.05));
    }

    @Test
    void eachMinerCarriesItsDialectAndItsFirmwaresPauseReason() {
        FleetEfficiency f = report(Map.of(
                0, braiins(0, MinerMode.SLEEPING, 0, "paused by API"),
                1, braiins(1, MinerMode.AWAKE, 190, "not paused"),
                2, new MinerStatus(2, true, MinerMode.AWAKE, 3500, 3500, 200, 60, AT, null, 200, Polls.WINDOW_S, null,
                        "cgminer")));
        MinerEfficiency paused = f.miners().get(0);
        assertFalse(paused.awake());
        assertEquals("braiins-rest", paused.dialect());
        assertEquals("paused by API", paused.pauseReason());
        MinerEfficiency hashing = f.miners().get(1);
        assertTrue(hashing.awake());
        assertEquals("not paused", hashing.pauseReason());
        assertEquals(190, hashing.hashrateThs(), 1e-9, "its windowed average");
        assertEquals(5, hashing.deficitPct(), 1e-6, "200 TH/s on the S21-class curve at 3,500 W");
        MinerEfficiency cgminer = f.miners().get(2);
        assertEquals("cgminer", cgminer.dialect());
        assertNull(cgminer.pauseReason(), "its dialect reads no pause reason");
        MinerEfficiency neverPolled = f.miners().get(3);
        assertNull(neverPolled.dialect());
        assertNull(neverPolled.pauseReason());
        assertEquals(390, f.hashrateThs(), 1e-9, "the paused miner hashes nothing");
    }

    @Test
    void aMinerThatDidNotAnswerHasItsDialectButNoWordsFromItsFirmware() {
        MinerStatus silent = new MinerStatus(0, false, MinerMode.UNKNOWN, 3500, 3500, 0, Double.NaN, AT, "timeout",
                Double.NaN, 0, null, "braiins-rest");
        MinerEfficiency m = report(Map.of(0, silent)).miners().get(0);
        assertFalse(m.awake());
        assertEquals("braiins-rest", m.dialect());
        assertNull(m.pauseReason());
    }
}
