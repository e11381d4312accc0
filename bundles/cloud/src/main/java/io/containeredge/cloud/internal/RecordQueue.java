package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.OutboundMessage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the feeds put their records: the persistent queue. {@link #offer} says whether a record is
 * durably queued, so a feed marks a record as sent only after it is, and a queue that fails (a full
 * disk, a broken file) leaves it unsent for the next second's try instead of losing it. Failures are
 * counted and logged: the first after a success, then every {@value #LOG_EVERY}th while it lasts.
 */
final class RecordQueue {

    private static final int LOG_EVERY = 60;
    private static final Logger LOG = LoggerFactory.getLogger(RecordQueue.class);

    private final Consumer<OutboundMessage> queue;
    private long failures;
    private long failingInARow;

    /** @param queue appends durably or throws, e.g. the publisher's {@code publishNow} */
    RecordQueue(Consumer<OutboundMessage> queue) {
        this.queue = queue;
    }

    /** True when {@code m} is queued; false, counted and logged when the queue refused it. */
    synchronized boolean offer(OutboundMessage m) {
        try {
            queue.accept(m);
            failingInARow = 0;
            return true;
        } catch (RuntimeException e) {
            failures++;
            if (failingInARow++ % LOG_EVERY == 0) {
                LOG.error("cloud: record for {} not queued ({} failure(s) since start); kept and tried again next"
                        + " second: {}", m.topic(), failures, e.toString());
            }
            return false;
        }
    }

    /** Records the queue refused since start (each is tried again, so a record may count more than once). */
    synchronized long failures() {
        return failures;
    }
}
