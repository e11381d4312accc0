/**
 * What other bundles (the API, the console, the cloud, the launcher) may see of the controller: the
 * {@link io.containeredge.control.api.ControlService}, the values it hands out (status with the
 * container state, verdicts, alarms, maintenance windows, miner command outcomes), and the readings and
 * import limits as the guards take them, for displays. The only package the control bundle exports.
 * Its types depend on the Modbus library's value types and the site bundle's API only; {@code GuardReadings} and
 * {@code ImportLimits} delegate to the loop's input mapping and the power guard's configuration inside
 * the bundle, so a display can never disagree with the guards.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package io.containeredge.control.api;
