/**
 * Pollers: one thread per Modbus connection, scheduling, retry, back-off, per-device diagnostics,
 * decoding into process-image values. Depends on client, device, plan, codec, image, sunspec.
 */
package io.containeredge.modbus.poll;
