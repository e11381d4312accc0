package io.containeredge.control.miner;

import java.time.Duration;

/** One timeout shared by the requests of one poll or command: each gets what the ones before left. */
final class Deadline {

    private final Duration total;
    private final long endNanos;

    Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    /**
     * What is left for the next request.
     *
     * @param where the request, for the message
     * @throws MinerException when nothing is left: the miner did not answer within the timeout
     */
    Duration left(String where) throws MinerException {
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            throw new MinerException(where + ": no answer within " + total.toMillis() + " ms");
        }
        // whole milliseconds, rounded up: the first request of a chain gets the full timeout
        return Duration.ofMillis((left + 999_999) / 1_000_000);
    }
}
