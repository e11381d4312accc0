/**
 * Maintenance mode: devices the controller writes nothing to for a while (their readings still count
 * as the worst case for the guards). Exported because the API, the console and the cloud set and show it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.containeredge.control.maintenance;
