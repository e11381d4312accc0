package io.containeredge.cloud.queue;

/**
 * The outbound queue's store failed (unreadable or corrupted file, disk full, I/O error).
 * Unchecked because no caller can do better than report it; the message names the file and cause.
 */
public class QueueException extends RuntimeException {

    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueueException(String message) {
        super(message);
    }
}
