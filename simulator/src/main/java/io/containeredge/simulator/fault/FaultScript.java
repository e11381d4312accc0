package io.containeredge.simulator.fault;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault script: lines {@code at <seconds>s <command>} (seconds of simulated time from the start,
 * decimals allowed), blank lines and {@code #} comments ignored. Every line is checked before anything
 * runs: one bad line refuses the whole script with every error listed by line number.
 * <pre>
 *   # pump trips after a minute, comes back two minutes later
 *   at 60s pump-stop
 *   at 180s clear
 * </pre>
 */
public final class FaultScript {

    private static final Pattern LINE = Pattern.compile("at\\s+(\\d+(?:\\.\\d+)?)s\\s+(.+)");

    private FaultScript() {
    }

    /** @return the faults in time order (lines with equal times keep their order) */
    public static List<ScheduledFault> parse(String text, FaultParser parser) throws FaultSyntaxException {
        List<ScheduledFault> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                errors.add("line " + (i + 1) + ": expected 'at <seconds>s <command>', got '" + line + "'");
                continue;
            }
            try {
                long at = Math.round(Double.parseDouble(m.group(1)) * 1000);
                out.add(new ScheduledFault(at, parser.parse(m.group(2)), i + 1));
            } catch (FaultSyntaxException e) {
                errors.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new FaultSyntaxException("fault script refused:\n  " + String.join("\n  ", errors));
        }
        out.sort(Comparator.comparingLong(ScheduledFault::atMillis));
        return out;
    }
}
