/**
 * Where the allowed power goes: the arbiter takes the most restrictive guard verdict and the miner
 * allocator turns it into sleep, wake and power-target actions (ramp-limited, with dwell). Pure; depends
 * on the loop's configuration and the API's value types only, never on an actuator.
 */
package io.containeredge.control.allocation;
