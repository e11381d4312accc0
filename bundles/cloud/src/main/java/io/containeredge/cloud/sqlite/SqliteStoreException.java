package io.containeredge.cloud.sqlite;

/**
 * A SQLite store could not be opened. The message is complete (what the store holds, the file, the
 * reason), so callers can hand it on as it is in their own exception type.
 */
public final class SqliteStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    SqliteStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    SqliteStoreException(String message) {
        super(message);
    }
}
