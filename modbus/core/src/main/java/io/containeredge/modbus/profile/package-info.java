/**
 * Device profiles: register maps as data (points, types, orders, sentinels, unreadable ranges),
 * parsed from YAML and checked against the JSON Schema and the rules a schema cannot express.
 * Depends on config only.
 */
package io.containeredge.modbus.profile;
