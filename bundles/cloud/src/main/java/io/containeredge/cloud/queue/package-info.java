/**
 * The persistent outbound queue (SQLite, WAL, synchronous=FULL): every message to the cloud is
 * stored before it is published and removed only after the broker acknowledged it; bounded disk by
 * thinning routine telemetry, never alarms or audit records. Plain Java, no OSGi.
 *
 * <h2>File format</h2>
 * {@code outbound.db} is opened by {@link io.containeredge.cloud.sqlite.SqliteStore}; its schema history
 * is {@code QueueDatabase.MIGRATIONS} (version 1: the first release). A new release that changes the
 * schema appends a step there, so a queue left by an older release is migrated in place with every
 * message and the thinned counter; a queue of a newer release is refused and left unchanged (cloud sync
 * then does not start, and the log names the file and both versions).
 */
package io.containeredge.cloud.queue;
