/**
 * Site configuration: connections, devices, miners, limits; loading with profiles, validation of
 * references and safety invariants. Depends on config, profile, sunspec.
 */
package io.containeredge.modbus.site;
