/**
 * The executable jar's command line, turned into configuration; runs the demo simulator in-process.
 * Not installed on Kura, where ConfigAdmin is set through Kura itself.
 */
package io.containeredge.launcher;
