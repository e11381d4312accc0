package io.containeredge.e2e;

import java.time.Duration;

/** Polls a condition until it holds or a deadline passes; the last failure explains why. */
final class Eventually {

    interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    static void within(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
