package io.containeredge.modbus.poll;

import io.containeredge.modbus.plan.ReadRequest;

/** One planned read of a device and when it is next due (System.nanoTime based). */
final class PollTask {

    final ReadRequest request;
    final long periodNanos;
    long nextDueNanos;

    PollTask(ReadRequest request, long periodNanos, long firstDueNanos) {
        this.request = request;
        this.periodNanos = periodNanos;
        this.nextDueNanos = firstDueNanos;
    }

    /** Fixed rate, but a late task is not replayed in a burst: it is due a period after now at most. */
    void reschedule(long nowNanos) {
        nextDueNanos += periodNanos;
        if (nextDueNanos < nowNanos) {
            nextDueNanos = nowNanos + periodNanos;
        }
    }
}
