/**
 * Services the gateway offers to the bundles above it (control, cloud, console), and the one the control
 * bundle offers back ({@link io.containeredge.gateway.api.ControlHealth}). They may read the
 * process image and the site; they never reach into the device layer. The gateway bundle itself may
 * depend on the Modbus library, the site bundle's API and OSGi; on no bundle above it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.containeredge.gateway.api;
