/**
 * OSGi components of the device layer: the site (running the configuration version the store made
 * active, PID {@code io.containeredge.site.active}), one component per device (factory configuration),
 * the polling hub that owns the process image. Depends on the modbus bundle and OSGi services only.
 */
package io.containeredge.gateway.internal;
