/**
 * Adapters between the physics model and each device role's registers.
 */
package io.containeredge.simulator.bridge;
