package io.containeredge.simulator.miner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.simulator.physics.ContainerModel;
import java.util.Locale;

/**
 * The CGMiner-style JSON API of a simulated miner (as cgminer/bmminer on TCP 4028): one request,
 * one response, then the connection is closed. Like cgminer, the response ends with a NUL byte.
 *
 * <p>Requests: {@code {"command":"summary"}}, or {@code {"command":"powertarget","parameter":"3000"}};
 * the plain-text form {@code summary} / {@code powertarget|3000} is accepted too, and
 * {@code summary+devs} answers several commands in one object keyed by command, as cgminer does.
 * <ul>
 *   <li>{@code summary} (Code 11): SUMMARY with {@code GHS 5s}, {@code GHS av}, {@code Power} (W),
 *       {@code Power Target}, {@code State}, {@code Inlet Temp}, {@code Outlet Temp}, {@code Temperature}
 *       (hottest chip); STATUS "W" while shut down for overheating. The hashrate is the unit's at its
 *       present power: its model's curve with the unit's spread, see {@link FleetUnits}.</li>
 *   <li>{@code stats} (Code 70): STATS [version block, miner block with temp_chip1..3, temp_pcb1..3,
 *       inlet/outlet temperatures, Power, state].</li>
 *   <li>{@code devs} (Code 9): DEVS, one entry per hashboard (3), with {@code Temperature},
 *       {@code Chip Temp}, {@code MHS 5s}; a degraded unit's dead board is "Dead" and hashes nothing.</li>
 *   <li>{@code version} (Code 22).</li>
 *   <li>{@code sleep} (Code 300), {@code wakeup} (Code 301): curtail / resume; the transition takes
 *       the model's sleep / wake time (or the site's minerSleepSeconds / minerWakeSeconds) and shows as State
 *       going-to-sleep / waking.</li>
 *   <li>{@code powertarget} with {@code "parameter": "<watts>"} (Code 302): within the unit's
 *       power-target range (its model's; 30..110 % of rated for a miner of no model); power and hashrate
 *       follow. Missing or non-numeric parameter: Code 303; out of range: Code 304.</li>
 * </ul>
 * Errors: STATUS "E" with Code 14 (invalid command) or 23 (invalid JSON); never an exception.
 */
public final class MinerApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerModel model;
    /** Jitter of the 5 s hashrate (+-1.5 %); separate from the model's generator so API traffic
     * cannot change the physics of a seeded run. */
    private final java.util.Random jitter;

    public MinerApi(ContainerModel model, long seed) {
        this.model = model;
        this.jitter = new java.util.Random(seed);
    }

    /** Answers one request text for miner {@code index}; always valid JSON (without the NUL). */
    public String handle(int index, String request) {
        String command;
        String parameter = null;
        String text = request.trim();
        if (text.startsWith("{")) {
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (Exception e) {
                return error(23, "Invalid JSON").toString();
            }
            if (node == null || !node.path("command").isTextual()) {
                return error(23, "Invalid JSON: no command").toString();
            }
            command = node.get("command").asText();
            JsonNode p = node.get("parameter");
            parameter = p == null || p.isNull() ? null : p.asText();
        } else {
            int bar = text.indexOf('|');
            command = bar < 0 ? text : text.substring(0, bar);
            parameter = bar < 0 ? null : text.substring(bar + 1);
        }
        command = command.trim().toLowerCase(Locale.ROOT);
        if (!command.contains("+")) {
            return one(index, command, parameter).toString();
        }
        ObjectNode multi = JSON.createObjectNode();
        for (String c : command.split("\\+")) {
            multi.putArray(c).add(one(index, c, parameter));
        }
        return multi.toString();
    }

    private ObjectNode one(int index, String command, String parameter) {
        synchronized (model) {
            if (index < 0 || index >= model.minerCount()) {
                return error(14, "Invalid miner");
            }
            Miner m = model.miner(index);
            MinerResponses r = new MinerResponses(JSON, m, model.epochMillis() / 1000,
                    1 + jitter.nextGaussian() * 0.015);
            return switch (command) {
                case "summary" -> r.summary();
                case "stats" -> r.stats();
                case "devs" -> r.devs();
                case "version" -> r.version();
                case "sleep" -> {
                    m.sleep();
                    yield r.status("S", 300, "Going to sleep in " + m.state().name().toLowerCase(Locale.ROOT)
                            .replace('_', '-') + " state");
                }
                case "wakeup" -> {
                    m.wakeup();
                    yield r.status("S", 301, "Waking up");
                }
                case "powertarget" -> powerTarget(r, m, parameter);
                default -> error(14, "Invalid command");
            };
        }
    }

    private ObjectNode powerTarget(MinerResponses r, Miner m, String parameter) {
        double watts;
        try {
            watts = Double.parseDouble(parameter == null ? "" : parameter.trim());
        } catch (NumberFormatException e) {
            return r.status("E", 303, "Missing or invalid parameter: powertarget needs watts");
        }
        if (!m.setPowerTarget(watts)) {
            return r.status("E", 304, String.format(Locale.ROOT, "Power target %.0f W out of range %.0f..%.0f W",
                    watts, m.minTargetW(), m.maxTargetW()));
        }
        return r.status("S", 302, String.format(Locale.ROOT, "Power target set to %.0f W", watts));
    }

    private ObjectNode error(int code, String msg) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode status = root.putArray("STATUS");
        ObjectNode s = status.addObject();
        s.put("STATUS", "E");
        s.put("When", model.epochMillis() / 1000);
        s.put("Code", code);
        s.put("Msg", msg);
        s.put("Description", "cgminer 4.11.1");
        root.put("id", 1);
        return root;
    }
}
