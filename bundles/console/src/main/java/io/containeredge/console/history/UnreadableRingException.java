package io.containeredge.console.history;

/**
 * A ring file this release cannot read: another kind of file, a newer format, a damaged header. Such a
 * file is moved aside, never overwritten, so a newer release (after a rollback) or a person can still
 * read it.
 */
final class UnreadableRingException extends Exception {

    private static final long serialVersionUID = 1L;

    UnreadableRingException(String reason) {
        super(reason);
    }
}
