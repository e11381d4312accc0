package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.queue.QueueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A queue that refuses every append while {@link #failing} is set, as a full disk does, and keeps what it took. */
final class FailingQueue implements Consumer<OutboundMessage> {

    final List<OutboundMessage> queued = new ArrayList<>();
    boolean failing;

    @Override
    public void accept(OutboundMessage m) {
        if (failing) {
            throw new QueueException("cannot append to outbound queue: [SQLITE_FULL] database or disk is full");
        }
        queued.add(m);
    }

    /** The JSON text of the queued records. */
    List<String> texts() {
        return queued.stream().map(m -> new String(m.payload(), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }
}
