package io.containeredge.cloud.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.cloud.sparkplug.SparkplugTopics;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.testing.MemoryAuditTrail;
import io.containeredge.control.testing.RecordingControlService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link RemoteRequests} for site {@code demo-site}, container {@code c-01}, with fakes behind it, a
 * virtual clock, a ledger in a temporary directory, replies collected, and the requests run on the
 * calling thread.
 */
final class Rig implements AutoCloseable {

    static final long T0 = 1_794_999_000_000L;
    static final String COMMAND = "containeredge/demo-site/c-01/command";
    static final String CONFIG = "containeredge/demo-site/c-01/config";
    static final String REPLY = "containeredge/demo-site/c-01/reply";

    final RecordingControlService control = RecordingControlService.forSite(2200).devices("cdu", "battery")
            .activeAlarms("thermal.supply-trip").economics().clock(() -> this.now).build();
    final FakeWriter writer = new FakeWriter();
    final FakeConfigurations configurations = new FakeConfigurations();
    final MemoryAuditTrail audit = new MemoryAuditTrail();
    final List<Reply> replies = new ArrayList<>();
    final Map<Long, String> aliases = new HashMap<>();
    final Path dir;
    int rebirths;
    boolean controllerRunning = true;
    long now = T0;
    /** The controller as the requests reach it: the recording one unless a test puts another view in front. */
    UnaryOperator<ControlService> controlSeenAs = UnaryOperator.identity();
    RequestLedger ledger;
    RemoteRequests requests;

    private final String[] keys;

    Rig(Path dir) {
        this(dir, Signer.OPS);
    }

    /** With these {@code command.keys} entries instead of the ops key alone. */
    Rig(Path dir, String... keys) {
        this.dir = dir;
        this.keys = keys;
        open();
    }

    /** (Re)opens the ledger and a new RemoteRequests on it, as after a restart. */
    void open() {
        ledger = RequestLedger.open(dir.resolve("requests.db"));
        RemoteRequests.Services services = new RemoteRequests.Services(
                () -> controllerRunning ? controlSeenAs.apply(control) : null,
                () -> controllerRunning ? writer : null, () -> configurations, () -> audit, () -> rebirths++);
        requests = new RemoteRequests(new SparkplugTopics("demo-site", "c-01"), RequestKeys.parse(keys), ledger,
                services, (device, alias) -> Optional.ofNullable(device.equals("battery") ? aliases.get(alias) : null),
                () -> now, replies::add, Runnable::run);
    }

    void restart() {
        ledger.close();
        open();
    }

    JsonNode lastReply() throws Exception {
        Reply r = replies.get(replies.size() - 1);
        if (!r.topic().equals(REPLY)) {
            throw new AssertionError("reply on " + r.topic());
        }
        return Signer.JSON.readTree(r.payload());
    }

    /** Sends a signed command-topic request expiring in 10 minutes and returns its reply. */
    JsonNode command(String id, String action, ObjectNode params) throws Exception {
        requests.handle(COMMAND, Signer.signed(Signer.body(id, now + 600_000, action, params)));
        return lastReply();
    }

    JsonNode config(String id, String action, ObjectNode params) throws Exception {
        requests.handle(CONFIG, Signer.signed(Signer.body(id, now + 600_000, action, params)));
        return lastReply();
    }

    @Override
    public void close() {
        ledger.close();
    }
}
