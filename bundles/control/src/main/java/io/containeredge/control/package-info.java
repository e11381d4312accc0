/**
 * Local limit enforcement: the pure decision model (readings, guards, arbiter, miner allocation) and
 * the control loop that applies it. Guards are functions of (inputs, config, time, previous state);
 * I/O happens only in {@link io.containeredge.control.ControlLoop} and the actuator packages.
 * Depends on the modbus bundle's value types and the gateway API; never on cloud or console.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.containeredge.control;
