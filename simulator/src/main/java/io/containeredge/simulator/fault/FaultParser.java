package io.containeredge.simulator.fault;

import io.containeredge.simulator.fault.FaultCommand.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the fault command language, one command per line, words separated by blanks:
 * <pre>
 *   pump-stop                        CDU pump trips: pump_state fault, flow 0
 *   fan-fault                        dry-cooler fan VFD fault: fans stop (alias fan-vfd-fault)
 *   sensor-frozen  DEVICE POINT      the point's registers stop changing
 *   sensor-invalid DEVICE POINT      the point shows its not-available sentinel (e.g. 0x8000)
 *   device-offline DEVICE            no response at all: the client times out
 *   device-online  DEVICE            ends device-offline
 *   slow DEVICE MS                   every response of the device delayed by MS ms (0..60000)
 *   exception DEVICE CODE            every request answered with exception CODE (1..255, or 0x0B)
 *   malformed DEVICE                 responses truncated
 *   heat-wave RATE/min MAX           ambient rises RATE degC per minute up to MAX degC
 *   miner-unreachable MINERS         miners stop accepting connections; MINERS = 7 | 0-19 | all
 *   miner-hang MINERS                miners accept but never answer
 *   battery-stuck                    the battery inverter accepts every setpoint but delivers 0 kW (and reads 0 kW)
 *   cloud FRACTION [SECONDS]         a cloud cuts the PV plant's output by FRACTION (0..1), for SECONDS of
 *                                    simulated time or until clear; a new cloud replaces the last
 *   freq-dip HZ SECONDS              the grid frequency the meters read held at HZ (40..70) for SECONDS of
 *                                    simulated time (0.1..86400) or until clear; a new dip replaces the last
 *   bmc-503 SERVER|all               the GPU server's Redfish BMC answers every request with 503
 *   bmc-hang SERVER|all              the BMC accepts requests and never answers
 *   gpu-ignore-cap SERVER|all        the server draws what its workload asks whatever its cap
 *   gpu-workload SERVER|all idle|inference|training
 *                                    what the server runs
 *   adr-event KW MINUTES             the simulated OpenADR VTN publishes an import limit of KW for MINUTES,
 *                                    starting in a minute (a site whose grid.openAdr polls it)
 *   clear [DEVICE|SERVER]            every fault off (heat wave ends, ambient returns, a frequency dip ends), or
 *                                    one device's or GPU server's (its workload back to the configured one)
 * </pre>
 * Devices and points are checked against the site, so a typo is an error instead of a no-op.
 */
public final class FaultParser {

    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)/min");

    private final FaultCatalog catalog;

    public FaultParser(FaultCatalog catalog) {
        this.catalog = catalog;
    }

    public static String usage() {
        return "commands: pump-stop | fan-fault | sensor-frozen DEVICE POINT | sensor-invalid DEVICE POINT"
                + " | device-offline DEVICE | device-online DEVICE | slow DEVICE MS | exception DEVICE CODE"
                + " | malformed DEVICE | heat-wave RATE/min MAX | miner-unreachable N|A-B|all"
                + " | miner-hang N|A-B|all | battery-stuck | cloud FRACTION [SECONDS] | freq-dip HZ SECONDS"
                + " | bmc-503 SERVER|all"
                + " | bmc-hang SERVER|all | gpu-ignore-cap SERVER|all | gpu-workload SERVER|all idle|inference|training"
                + " | adr-event KW MINUTES | clear [DEVICE|SERVER]";
    }

    public FaultCommand parse(String line) throws FaultSyntaxException {
        String text = line.strip();
        String[] w = text.isEmpty() ? new String[0] : text.split("\\s+");
        if (w.length == 0) {
            throw new FaultSyntaxException("empty command; " + usage());
        }
        String verb = w[0].toLowerCase(Locale.ROOT);
        return switch (verb) {
            case "pump-stop" -> args(w, 0, FaultCommand.of(Kind.PUMP_STOP, text));
            case "fan-fault", "fan-vfd-fault" -> args(w, 0, FaultCommand.of(Kind.FAN_FAULT, text));
            case "sensor-frozen" -> sensor(w, FaultCommand.of(Kind.SENSOR_FROZEN, text));
            case "sensor-invalid" -> sensor(w, FaultCommand.of(Kind.SENSOR_INVALID, text));
            case "device-offline" -> device(w, 1, FaultCommand.of(Kind.DEVICE_OFFLINE, text));
            case "device-online" -> device(w, 1, FaultCommand.of(Kind.DEVICE_ONLINE, text));
            case "malformed" -> device(w, 1, FaultCommand.of(Kind.MALFORMED, text));
            case "slow" -> device(w, 2, FaultCommand.of(Kind.SLOW, text))
                    .withValues(number(w[2], "delay in ms", 0, 60_000), 0);
            case "exception" -> device(w, 2, FaultCommand.of(Kind.EXCEPTION, text))
                    .withValues(code(w[2]), 0);
            case "heat-wave" -> heatWave(w, FaultCommand.of(Kind.HEAT_WAVE, text));
            case "miner-unreachable" -> miners(w, FaultCommand.of(Kind.MINER_UNREACHABLE, text));
            case "miner-hang" -> miners(w, FaultCommand.of(Kind.MINER_HANG, text));
            case "battery-stuck" -> args(w, 0, FaultCommand.of(Kind.BATTERY_STUCK, text));
            case "cloud" -> cloud(w, FaultCommand.of(Kind.CLOUD, text));
            case "freq-dip" -> args(w, 2, FaultCommand.of(Kind.FREQ_DIP, text))
                    .withValues(number(w[1], "dip frequency in Hz", 40, 70),
                            number(w[2], "dip duration in seconds", 0.1, 86_400));
            case "bmc-503" -> gpu(w, 1, FaultCommand.of(Kind.BMC_503, text));
            case "bmc-hang" -> gpu(w, 1, FaultCommand.of(Kind.BMC_HANG, text));
            case "gpu-ignore-cap" -> gpu(w, 1, FaultCommand.of(Kind.GPU_IGNORE_CAP, text));
            case "gpu-workload" -> gpuWorkload(w, FaultCommand.of(Kind.GPU_WORKLOAD, text));
            case "adr-event" -> args(w, 2, FaultCommand.of(Kind.ADR_EVENT, text))
                    .withValues(number(w[1], "import limit in kW", 0, 100_000), number(w[2], "minutes", 1, 1440));
            case "clear" -> clear(w, FaultCommand.of(Kind.CLEAR, text));
            default -> throw new FaultSyntaxException("unknown command '" + w[0] + "'; " + usage());
        };
    }

    private static FaultCommand args(String[] w, int n, FaultCommand c) throws FaultSyntaxException {
        if (w.length != n + 1) {
            throw new FaultSyntaxException("'" + w[0] + "' takes " + n + " argument(s), got " + (w.length - 1));
        }
        return c;
    }

    private FaultCommand device(String[] w, int n, FaultCommand c) throws FaultSyntaxException {
        args(w, n, c);
        if (!catalog.pointsByDevice().containsKey(w[1])) {
            throw new FaultSyntaxException("no device '" + w[1] + "'; devices: " + catalog.pointsByDevice().keySet());
        }
        return c.withDevice(w[1]);
    }

    private FaultCommand clear(String[] w, FaultCommand c) throws FaultSyntaxException {
        if (w.length == 1) {
            return c;
        }
        return w.length == 2 && catalog.gpuServers().contains(w[1]) ? c.withDevice(w[1]) : device(w, 1, c);
    }

    /** A GPU server's id, or {@code all} (device null). */
    private FaultCommand gpu(String[] w, int n, FaultCommand c) throws FaultSyntaxException {
        args(w, n, c);
        if (catalog.gpuServers().isEmpty()) {
            throw new FaultSyntaxException("the site has no GPU servers");
        }
        if (w[1].equalsIgnoreCase("all")) {
            return c;
        }
        if (!catalog.gpuServers().contains(w[1])) {
            throw new FaultSyntaxException("no GPU server '" + w[1] + "'; servers: "
                    + new TreeSet<>(catalog.gpuServers()) + " or all");
        }
        return c.withDevice(w[1]);
    }

    private FaultCommand gpuWorkload(String[] w, FaultCommand c) throws FaultSyntaxException {
        FaultCommand target = gpu(w, 2, c);
        String workload = w[2].toLowerCase(Locale.ROOT);
        if (!Set.of("idle", "inference", "training").contains(workload)) {
            throw new FaultSyntaxException("workload must be idle, inference or training, got '" + w[2] + "'");
        }
        return target.withPoint(workload);
    }

    private FaultCommand sensor(String[] w, FaultCommand c) throws FaultSyntaxException {
        FaultCommand withDevice = device(w, 2, c);
        Set<String> points = catalog.pointsByDevice().get(w[1]);
        if (!points.contains(w[2])) {
            List<String> some = new ArrayList<>(points);
            String hint = some.size() > 12 ? some.subList(0, 12) + "..." : some.toString();
            throw new FaultSyntaxException("device '" + w[1] + "' has no point '" + w[2] + "'; points: " + hint);
        }
        return withDevice.withPoint(w[2]);
    }

    private static FaultCommand heatWave(String[] w, FaultCommand c) throws FaultSyntaxException {
        args(w, 2, c);
        Matcher m = RATE.matcher(w[1]);
        if (!m.matches()) {
            throw new FaultSyntaxException("heat-wave rate must look like 2/min (degC per minute), got '" + w[1] + "'");
        }
        double rate = Double.parseDouble(m.group(1));
        if (rate <= 0 || rate > 60) {
            throw new FaultSyntaxException("heat-wave rate must be above 0 and at most 60/min");
        }
        return c.withValues(rate, number(w[2], "maximum ambient degC", -40, 70));
    }

    private static FaultCommand cloud(String[] w, FaultCommand c) throws FaultSyntaxException {
        if (w.length != 2 && w.length != 3) {
            throw new FaultSyntaxException("'cloud' takes FRACTION [SECONDS], e.g. cloud 0.6 300");
        }
        double fraction = number(w[1], "cloud fraction", 0, 1);
        double seconds = w.length == 3 ? number(w[2], "cloud duration in seconds", 1, 86_400) : 0;
        return c.withValues(fraction, seconds);
    }

    private FaultCommand miners(String[] w, FaultCommand c) throws FaultSyntaxException {
        args(w, 1, c);
        int n = catalog.minerCount();
        if (n == 0) {
            throw new FaultSyntaxException("the site has no miners");
        }
        String spec = w[1].toLowerCase(Locale.ROOT);
        int first;
        int last;
        try {
            if (spec.equals("all")) {
                first = 0;
                last = n - 1;
            } else if (spec.contains("-")) {
                String[] ab = spec.split("-", 2);
                first = Integer.parseInt(ab[0]);
                last = Integer.parseInt(ab[1]);
            } else {
                first = Integer.parseInt(spec);
                last = first;
            }
        } catch (NumberFormatException e) {
            throw new FaultSyntaxException("miners must be N, A-B or all, got '" + w[1] + "'");
        }
        if (first < 0 || last >= n || first > last) {
            throw new FaultSyntaxException("miners " + w[1] + " out of range 0.." + (n - 1));
        }
        return c.withMiners(first, last);
    }

    private static double number(String s, String what, double min, double max) throws FaultSyntaxException {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new FaultSyntaxException(what + " must be a number, got '" + s + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new FaultSyntaxException(what + " must be in " + min + ".." + max + ", got " + s);
        }
        return v;
    }

    private static int code(String s) throws FaultSyntaxException {
        int v;
        try {
            v = s.toLowerCase(Locale.ROOT).startsWith("0x") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new FaultSyntaxException("exception code must be a number like 2 or 0x0B, got '" + s + "'");
        }
        if (v < 1 || v > 255) {
            throw new FaultSyntaxException("exception code must be 1..255, got " + s);
        }
        return v;
    }
}
