package io.containeredge.simulator.miner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Builds the JSON bodies of one miner's Braiins OS-style REST answers, in the REST form's field names. */
final class BraiinsResponses {

    /** Miner status numbers of the public API. */
    static final int NORMAL = 2;
    static final int PAUSED = 3;
    static final int SUSPENDED = 4;

    private BraiinsResponses() {
    }

    /** Asleep or on its way there: what pause leads to. */
    static boolean paused(Miner.State state) {
        return state == Miner.State.GOING_TO_SLEEP || state == Miner.State.SLEEPING;
    }

    static ObjectNode details(ObjectMapper json, Miner m, int index) {
        ObjectNode d = json.createObjectNode();
        d.put("uid", String.format(Locale.ROOT, "sim-%04d", index));
        d.put("hostname", "miner-" + index);
        d.putObject("bos_version").put("current", "simulated");
        d.put("bosminer_uptime_s", (long) m.uptimeS());
        boolean overheat = m.state() == Miner.State.OVERHEAT;
        d.put("status", overheat ? SUSPENDED : paused(m.state()) ? PAUSED : NORMAL);
        ObjectNode detailed = d.putObject("detailed_status");
        detailed.put("state", MinerResponses.stateName(m.state()));
        detailed.put("pause_reason", overheat
                ? String.format(Locale.ROOT, "overheat shutdown, inlet %.1f C >= %.0f C", m.inletC(), Miner.SHUTDOWN_INLET_C)
                : paused(m.state()) ? "paused by API" : "not paused");
        return d;
    }

    static ObjectNode stats(ObjectMapper json, Miner m) {
        ObjectNode s = json.createObjectNode();
        ObjectNode hashrate = s.putObject("miner_stats").putObject("real_hashrate");
        hashrate.putObject("last_5s").put("gigahash_per_second", round(m.hashrateThs() * 1000));
        hashrate.putObject("last_1m").put("gigahash_per_second", round(m.lastMinuteHashrateThs() * 1000));
        hashrate.putObject("since_restart").put("gigahash_per_second", round(m.averageHashrateThs() * 1000));
        ObjectNode power = s.putObject("power_stats");
        power.putObject("approximated_consumption").put("watt", Math.round(m.powerW()));
        double th = m.hashrateThs();
        if (th > 0) {
            power.putObject("efficiency").put("joule_per_terahash", round(m.powerW() / th));
        }
        return s;
    }

    static ObjectNode cooling(ObjectMapper json, Miner m) {
        ObjectNode c = json.createObjectNode();
        c.putObject("highest_temperature").put("location", "SENSOR_LOCATION_CHIP").putObject("temperature")
                .put("degree_c", round(m.chipTempC()));
        return c;
    }

    static ObjectNode watt(ObjectMapper json, double watts) {
        return json.createObjectNode().put("watt", Math.round(watts));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
