/**
 * Configuration documents: where they come from (a directory, then the bundled firmware-config),
 * YAML parsing, JSON Schema validation, errors with file, path and reason. Shared by the profile and
 * SunSpec model documents here and by the site document in the site bundle, so every document is refused
 * the same way.
 */
package io.containeredge.modbus.config;
