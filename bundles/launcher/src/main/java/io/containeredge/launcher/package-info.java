/**
 * The executable jar's command line, turned into configuration; runs the demo simulator in-process;
 * {@code --check} validates a configuration directory with the gateway's own validator and starts nothing.
 * Not installed on Kura, where ConfigAdmin is set through Kura itself. May depend on the modbus core
 * (site loading and validation), the simulator, ConfigAdmin and the console's token-file check
 * ({@code io.containeredge.console.api}).
 */
package io.containeredge.launcher;
