package io.containeredge.console.overview;

import io.containeredge.control.api.CommandOutcome;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the console can honestly say about single miners: the controller does not publish each miner's
 * last poll, only the outcomes of its latest commands. So per miner this is "the last command we sent
 * it and whether it answered"; a miner not commanded recently is simply not listed.
 */
public final class MinerCommandSummary {

    private final Map<Integer, CommandOutcome> latest;

    private MinerCommandSummary(Map<Integer, CommandOutcome> latest) {
        this.latest = latest;
    }

    /** @param outcomes command outcomes, newest last, as {@code ControlService.recentCommands()} gives them */
    public static MinerCommandSummary of(List<CommandOutcome> outcomes) {
        Map<Integer, CommandOutcome> latest = new TreeMap<>();
        for (CommandOutcome o : outcomes) {
            latest.put(o.command().index(), o);
        }
        return new MinerCommandSummary(latest);
    }

    /** The latest outcome per miner, by miner index. */
    public Collection<CommandOutcome> latest() {
        return latest.values();
    }

    /** Miners with a recent command. */
    public int commanded() {
        return latest.size();
    }

    /** Miners whose latest command failed: they did not answer, or refused. */
    public int lastCommandFailed() {
        return (int) latest.values().stream().filter(o -> !o.ok()).count();
    }
}
