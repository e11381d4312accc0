/**
 * Site configuration: connections, devices, miners, limits, the web server's binding and TLS; loading
 * with profiles, validation of references, safety invariants and that plain HTTP stays on loopback.
 * Depends on config, profile, sunspec.
 */
package io.containeredge.modbus.site;
