package io.containeredge.console.stream;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One connected browser. The hub only ever puts frames in its bounded queue (never blocks); the
 * client's own thread (the request's) takes them out and writes them. A client that falls
 * {@code capacity} frames behind has stopped reading: it is dropped, its queue refuses further frames,
 * and its thread ends as soon as it wakes (a write blocked on a dead connection ends with the server's
 * idle timeout).
 */
public final class StreamClient {

    /** A comment line: keeps proxies and the server's idle timeout from closing a quiet stream. */
    static final String KEEP_ALIVE = ": keep-alive\n\n";
    private static final String END = "";

    private final BlockingQueue<String> queue;
    private volatile boolean dropped;

    StreamClient(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues a frame; false (and the client is dropped) when the queue is full. Never blocks. */
    boolean offer(String frame) {
        if (dropped) {
            return false;
        }
        if (!queue.offer(frame)) {
            drop();
            return false;
        }
        return true;
    }

    /** Ends the stream: the client's thread stops at its next wake-up. */
    void drop() {
        dropped = true;
        queue.clear();
        // wakes a thread waiting for a frame; the queue was just emptied, so there is room
        queue.offer(END);
    }

    public boolean dropped() {
        return dropped;
    }

    /**
     * Writes queued frames to {@code sink} until the client is dropped or the connection fails; sends
     * a keep-alive comment when nothing was queued for {@code keepAliveMillis}. Runs on the request's
     * thread.
     */
    public void run(EventSink sink, long keepAliveMillis) {
        try {
            while (!dropped) {
                String frame = queue.poll(keepAliveMillis, TimeUnit.MILLISECONDS);
                if (dropped) {
                    return;
                }
                sink.send(frame == null ? KEEP_ALIVE : frame);
            }
        } catch (IOException e) {
            // the browser went away: the normal end of a stream
            dropped = true;
        } catch (InterruptedException e) {
            dropped = true;
            Thread.currentThread().interrupt();
        }
    }
}
