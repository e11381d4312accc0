/**
 * GPU servers (AI/HPC tenants) as a load kind beside the miners: each tenant's firm floor first, its flexible band by
 * value per kW among the miners' steps, caps written to the servers' BMCs, and the miners given what the servers
 * really draw so that they absorb the servers' swings.
 */
package io.containeredge.control.rack;
