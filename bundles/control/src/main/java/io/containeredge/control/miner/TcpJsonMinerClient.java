package io.containeredge.control.miner;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.site.api.MinerDialect;
import io.containeredge.site.api.MinerDialect.Request;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tcp-json dialect (the CGMiner/LuxOS-style API) over {@link CgminerClient}: the dialect names the commands
 * and where their answers hold each value; the STATUS envelope is this transport's (STATUS E/F refused by the
 * client, W kept as the miner's warning). The requests of one poll share one deadline.
 */
final class TcpJsonMinerClient implements MinerClient {

    private final MinerDialect dialect;
    private final CgminerClient client;

    TcpJsonMinerClient(MinerDialect dialect, Duration timeout) {
        this.dialect = dialect;
        this.client = new CgminerClient(timeout);
    }

    @Override
    public MinerStatus status(MinerEndpoint miner, long nowMillis) throws MinerException {
        Deadline deadline = new Deadline(client.timeout());
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (Request r : dialect.status()) {
            answers.put(r.name(), send(miner, r, "", deadline));
        }
        return read(dialect, answers, miner, nowMillis);
    }

    /** The status in the answers, with the first warning (STATUS W) among them as the miner's own. */
    static MinerStatus read(MinerDialect dialect, Map<String, JsonNode> answers, MinerEndpoint miner, long nowMillis) {
        String warning = answers.values().stream().filter(a -> CgminerClient.statusCode(a).equals("W"))
                .map(CgminerClient::message).findFirst().orElse(null);
        return StatusReader.read(dialect.fields(), answers, miner, nowMillis, warning);
    }

    @Override
    public String execute(MinerEndpoint miner, MinerCommand command) throws MinerException {
        Request r = DialectCommands.request(dialect, command);
        String parameter = DialectCommands.payload(r, command);
        return CgminerClient.message(send(miner, r, parameter, new Deadline(client.timeout())));
    }

    private JsonNode send(MinerEndpoint miner, Request r, String parameter, Deadline deadline) throws MinerException {
        String command = r.target();
        return client.request(miner.host(), miner.port(), command, parameter.isEmpty() ? null : parameter,
                deadline.left(command + " to " + miner.address()));
    }
}
