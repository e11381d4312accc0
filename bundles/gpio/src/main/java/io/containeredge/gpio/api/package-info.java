/**
 * The gateway's own digital I/O as the control capability sees it: emergency stop, door and leak
 * inputs, and the alarm beacon. Whether the hardware exists is part of the answer: on a machine
 * without GPIO the service still runs and reports every input as not good; GPIO that is configured
 * but fails says so ({@link io.containeredge.gpio.api.GatewayIo#failed()}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.containeredge.gpio.api;
