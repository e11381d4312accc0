/**
 * The executable jar's command line, turned into configuration; runs the demo simulator in-process;
 * {@code --check} validates a configuration directory with the gateway's own validator and starts nothing.
 * Not installed on Kura, where ConfigAdmin is set through Kura itself. May depend on the site bundle's API
 * (site loading and validation), the Modbus and simulator libraries, ConfigAdmin and the console's token-file check
 * ({@code io.containeredge.console.api}).
 */
package io.containeredge.launcher;
