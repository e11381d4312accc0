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

    /** More runs of consecutive ports than this are ephemeral ports: not worth listing. */
    private static final int MAX_RUNS = 4;

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

    /**
     * "miners 232 on 127.0.0.1:14100..14139, 14148..14339 (CGMiner JSON API)": each run of consecutive ports; with
     * ephemeral ports (no runs to speak of) the first and the last miner's, as they go by index.
     */
    private void describe(List<String> out, String host, String api, IntPredicate which) {
        List<Integer> miners = IntStream.range(0, count()).filter(which).boxed().toList();
        if (miners.isEmpty()) {
            return;
        }
        List<String> runs = new ArrayList<>();
        int first = port(miners.get(0));
        for (int i = 1; i <= miners.size(); i++) {
            int last = port(miners.get(i - 1));
            if (i == miners.size() || port(miners.get(i)) != last + 1) {
                runs.add(first == last ? String.valueOf(first) : first + ".." + last);
                first = i < miners.size() ? port(miners.get(i)) : first;
            }
        }
        String ports = runs.size() <= MAX_RUNS ? String.join(", ", runs)
                : port(miners.get(0)) + ".." + port(miners.get(miners.size() - 1));
        out.add("miners " + miners.size() + " on " + host + ":" + ports + " (" + api + ")");
    }

    @Override
    public void close() {
        tcp.close();
        rest.close();
    }
}
