/**
 * Grid services as limit sources: the under-frequency guard (hard), demand-response events and coincident-peak
 * windows (soft), each event's baseline, per-second compliance and performance record.
 */
package io.containeredge.control.grid;
