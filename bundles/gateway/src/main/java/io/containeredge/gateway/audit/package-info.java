/**
 * The audit trail: every configuration change, command, acknowledgement and reset with who, from where,
 * what, on what and the outcome, as fsynced JSON lines in {@code <data dir>/audit.jsonl} with sequence
 * numbers that keep increasing across restarts; bounded by compaction.
 */
package io.containeredge.gateway.audit;
