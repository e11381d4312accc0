/**
 * What other bundles (the API, the console, the cloud, the launcher) may see of the controller: the
 * {@link io.containeredge.control.api.ControlService} and the values it hands out (status, verdicts,
 * alarms, maintenance windows, miner command outcomes, the container state). The only package the
 * control bundle exports; it depends on the modbus bundle's value types only.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.containeredge.control.api;
