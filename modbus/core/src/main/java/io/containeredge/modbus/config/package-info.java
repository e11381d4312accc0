/**
 * Configuration documents: where they come from (a directory, then the bundled firmware-config),
 * YAML parsing, JSON Schema validation, errors with file, path and reason. The one validator path.
 */
package io.containeredge.modbus.config;
