package io.containeredge.simulator.miner;

import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.site.api.MinerDialect;
import io.containeredge.site.api.MinerFleetConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Every miner's API, in the firmware its site group names: a miner whose dialect travels over http-json runs the
 * Braiins OS-style REST firmware ({@link RestMinerServer}), every other one the CGMiner-style TCP API
 * ({@link MinerFleetServer}). Both put miner i on {@code basePort + i} (or ephemeral ports), so a site's
 * addresses do not depend on its dialects; faults reach the miner whichever firmware it runs.
 */
public final class MinerServers implements AutoCloseable {

    private final MinerFleetServer tcp;
    private final RestMinerServer rest;
    private final ServedMiners miners;

    private MinerServers(MinerFleetServer tcp, RestMinerServer rest, ServedMiners miners) {
        this.tcp = tcp;
        this.rest = rest;
        this.miners = miners;
    }

    /** Binds every miner of the fleet and starts serving. */
    public static MinerServers start(InetAddress address, int basePort, MinerFleetConfig fleet, ContainerModel model,
            long seed) throws IOException {
        IntPredicate overHttp = i -> fleet.dialectOf(i).transport() == MinerDialect.Transport.HTTP_JSON;
        ServedMiners miners = new ServedMiners(i -> model.miner(i).reachable());
        MinerFleetServer tcp = new MinerFleetServer(address, basePort, fleet.count(), overHttp.negate(),
                new MinerApi(model, seed), miners);
        try {
            RestMinerServer rest = new RestMinerServer(address, basePort, fleet.count(), overHttp,
                    new BraiinsRestApi(model), miners);
            return new MinerServers(tcp.start(), rest, miners);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    public int count() {
        return tcp.count();
    }

    /** The port miner i listens on, whichever its firmware. */
    public int port(int miner) {
        return rest.serves(miner) ? rest.port(miner) : tcp.port(miner);
    }

    public void setUnreachable(int miner, boolean on) {
        miners.setUnreachable(miner, on);
    }

    public void setHang(int miner, boolean on) {
        miners.setHang(miner, on);
    }

    public void clearFaults() {
        miners.clearFaults();
    }

    /** What is served where, one line per API. */
    public List<String> describe(String host) {
        List<String> out = new ArrayList<>();
        describe(out, host, "CGMiner JSON API", i -> !rest.serves(i));
        describe(out, host, "Braiins OS-style REST API", rest::serves);
        return out;
    }

    private void describe(List<String> out, String host, String api, IntPredicate which) {
        List<Integer> miners = IntStream.range(0, count()).filter(which).boxed().toList();
        if (!miners.isEmpty()) {
            out.add("miners " + miners.size() + " on " + host + ":" + port(miners.get(0)) + ".."
                    + port(miners.get(miners.size() - 1)) + " (" + api + ")");
        }
    }

    @Override
    public void close() {
        tcp.close();
        rest.close();
    }
}
