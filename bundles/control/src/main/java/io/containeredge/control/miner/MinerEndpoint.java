package io.containeredge.control.miner;

import io.containeredge.site.api.MinerDialect;
import io.containeredge.site.api.MinerDialects;
import java.util.Objects;

/**
 * Where one miner's API listens, what it speaks and what it can draw.
 *
 * @param index the miner's number in the container (also its PDU socket position)
 * @param ratedW nameplate power, W: the worst-case draw assumed while the miner does not answer
 * @param priority lower numbers are curtailed first; 0 by default
 * @param dialect its firmware's API: how to poll it and send it commands
 */
public record MinerEndpoint(int index, String host, int port, double ratedW, int priority, MinerDialect dialect) {

    public MinerEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dialect, "dialect");
        if (index < 0) {
            throw new IllegalArgumentException("miner index must be >= 0, got " + index);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("miner " + index + ": port must be 1..65535, got " + port);
        }
        if (!(ratedW > 0) || Double.isInfinite(ratedW)) {
            throw new IllegalArgumentException("miner " + index + ": rated power must be > 0 W, got " + ratedW);
        }
    }

    /** A miner speaking the CGMiner-style API. */
    public MinerEndpoint(int index, String host, int port, double ratedW, int priority) {
        this(index, host, port, ratedW, priority, MinerDialects.defaultDialect());
    }

    public MinerEndpoint(int index, String host, int port, double ratedW) {
        this(index, host, port, ratedW, 0);
    }

    /** host:port, for messages. */
    public String address() {
        return host + ":" + port;
    }
}
