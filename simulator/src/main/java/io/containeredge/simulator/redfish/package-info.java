/**
 * Simulated GPU servers: a power model per server (idle, inference, training with swings and checkpoints, caps
 * honoured with a realistic settle) behind a DMTF Redfish BMC served over HTTPS on loopback.
 */
package io.containeredge.simulator.redfish;
