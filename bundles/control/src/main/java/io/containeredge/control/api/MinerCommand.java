package io.containeredge.control.api;

import java.util.Objects;

/**
 * One command for one miner's API.
 *
 * @param targetW watts for {@link Kind#POWER_TARGET}; ignored (0) otherwise
 */
public record MinerCommand(int index, Kind kind, double targetW) {

    /** The curtailment commands of the API (the PDU socket is switched elsewhere). */
    public enum Kind {
        SLEEP,
        WAKE,
        POWER_TARGET
    }

    public MinerCommand {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.POWER_TARGET && (!(targetW > 0) || Double.isInfinite(targetW))) {
            throw new IllegalArgumentException("miner " + index + ": power target must be > 0 W, got " + targetW);
        }
    }

    public static MinerCommand sleep(int index) {
        return new MinerCommand(index, Kind.SLEEP, 0);
    }

    public static MinerCommand wake(int index) {
        return new MinerCommand(index, Kind.WAKE, 0);
    }

    public static MinerCommand powerTarget(int index, double watts) {
        return new MinerCommand(index, Kind.POWER_TARGET, watts);
    }
}
