/**
 * Sparkplug B edge-node protocol state: topics, metric catalogue with aliases and quality, births,
 * deaths, data with deadbands, sequence numbers, rebirth; encoded with Eclipse Tahu. Pure, no I/O.
 */
package io.containeredge.cloud.sparkplug;
