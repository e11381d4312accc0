package io.containeredge.simulator.miner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Builds the JSON bodies of one miner's responses, in the field names cgminer/bmminer use. */
final class MinerResponses {

    private static final int BOARDS = HashingUnit.BOARDS;
    private final ObjectMapper json;
    private final Miner m;
    private final long when;
    private final double jitter;

    MinerResponses(ObjectMapper json, Miner m, long when, double jitter) {
        this.json = json;
        this.m = m;
        this.when = when;
        this.jitter = jitter;
    }

    static String stateName(Miner.State s) {
        return switch (s) {
            case OVERHEAT -> "overheat-shutdown";
            default -> s.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    ObjectNode status(String status, int code, String msg) {
        ObjectNode root = json.createObjectNode();
        ObjectNode s = root.putArray("STATUS").addObject();
        s.put("STATUS", status);
        s.put("When", when);
        s.put("Code", code);
        s.put("Msg", msg);
        s.put("Description", "cgminer 4.11.1");
        root.put("id", 1);
        return root;
    }

    ObjectNode summary() {
        boolean overheat = m.state() == Miner.State.OVERHEAT;
        ObjectNode root = overheat
                ? status("W", 11, String.format(Locale.ROOT, "Summary: overheat shutdown, inlet %.1f C >= %.0f C",
                        m.inletC(), Miner.SHUTDOWN_INLET_C))
                : status("S", 11, "Summary");
        ObjectNode s = json.createObjectNode();
        s.put("Elapsed", (long) m.uptimeS());
        s.put("GHS 5s", round(m.hashrateThs() * 1000 * jitter, 2));
        s.put("GHS 1m", round(m.lastMinuteHashrateThs() * 1000, 2));
        s.put("GHS av", round(m.averageHashrateThs() * 1000, 2));
        s.put("Power", Math.round(m.powerW()));
        s.put("Power Target", Math.round(m.targetW()));
        s.put("State", stateName(m.state()));
        s.put("Inlet Temp", round(m.inletC(), 1));
        s.put("Outlet Temp", round(m.outletC(), 1));
        s.put("Temperature", round(m.chipTempC(), 1));
        s.put("Overheat Shutdown", m.overheatReported());
        long accepted = (long) (m.averageHashrateThs() * m.uptimeS() / 60);
        s.put("Accepted", accepted);
        s.put("Rejected", accepted / 500);
        s.put("Hardware Errors", 0);
        root.set("SUMMARY", json.createArrayNode().add(s));
        return root;
    }

    ObjectNode stats() {
        ObjectNode root = status("S", 70, "CGMiner stats");
        ArrayNode stats = root.putArray("STATS");
        ObjectNode v = stats.addObject();
        v.put("BMMiner", "2.0.0");
        v.put("Miner", "ContainerEdge simulator");
        v.put("CompileTime", "simulated");
        v.put("Type", m.unit().type());
        ObjectNode s = stats.addObject();
        s.put("STATS", 0);
        s.put("ID", "BC50");
        s.put("Elapsed", (long) m.uptimeS());
        s.put("GHS 5s", round(m.hashrateThs() * 1000 * jitter, 2));
        s.put("GHS av", round(m.averageHashrateThs() * 1000, 2));
        s.put("miner_count", BOARDS);
        for (int b = 1; b <= BOARDS; b++) {
            s.put("temp_pcb" + b, round(m.boardTempC() + 0.4 * (b - 2), 1));
            s.put("temp_chip" + b, round(m.chipTempC() + 0.6 * (b - 2), 1));
            s.put("chain_rate" + b, round(boardShare(b - 1) * m.hashrateThs() * 1000 * jitter, 2));
        }
        s.put("inlet_temp", round(m.inletC(), 1));
        s.put("outlet_temp", round(m.outletC(), 1));
        s.put("Power", Math.round(m.powerW()));
        s.put("Power Target", Math.round(m.targetW()));
        s.put("state", stateName(m.state()));
        return root;
    }

    ObjectNode devs() {
        ObjectNode root = status("S", 9, BOARDS + " ASC(s)");
        ArrayNode devs = root.putArray("DEVS");
        for (int b = 0; b < BOARDS; b++) {
            ObjectNode d = devs.addObject();
            d.put("ASC", b);
            d.put("Name", "BTM");
            d.put("ID", b);
            d.put("Enabled", "Y");
            d.put("Status", m.hashrateThs() > 0 && boardShare(b) > 0 ? "Alive" : "Dead");
            d.put("Temperature", round(m.boardTempC() + 0.4 * (b - 1), 1));
            d.put("Chip Temp", round(m.chipTempC() + 0.6 * (b - 1), 1));
            d.put("MHS 5s", round(boardShare(b) * m.hashrateThs() * 1e6 * jitter, 0));
            d.put("MHS av", round(boardShare(b) * m.averageHashrateThs() * 1e6, 0));
            d.put("Device Elapsed", (long) m.uptimeS());
        }
        return root;
    }

    ObjectNode version() {
        ObjectNode root = status("S", 22, "CGMiner versions");
        ObjectNode v = root.putArray("VERSION").addObject();
        v.put("CGMiner", "4.11.1");
        v.put("API", "3.7");
        v.put("Miner", "ContainerEdge simulator 0.1.0");
        v.put("Type", m.unit().type());
        return root;
    }

    /** Board b's share of the unit's hashrate: the dead boards (the last ones) hash nothing. */
    private double boardShare(int b) {
        int alive = BOARDS - m.unit().deadBoards();
        return b < alive ? 1.0 / alive : 0;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
