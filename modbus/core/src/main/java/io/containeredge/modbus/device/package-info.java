/**
 * What the pollers need to know of a connection (transport, endpoint, timing) and of a device (unit id,
 * profile, poll periods). The site document declares them; the site bundle builds them, this layer only
 * reads them. Depends on profile.
 */
package io.containeredge.modbus.device;
