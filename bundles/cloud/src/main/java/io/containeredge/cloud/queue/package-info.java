/**
 * The persistent outbound queue (SQLite, WAL, synchronous=FULL): every message to the cloud is
 * stored before it is published and removed only after the broker acknowledged it; bounded disk by
 * thinning routine telemetry, never alarms or audit records. Plain Java, no OSGi.
 */
package io.containeredge.cloud.queue;
