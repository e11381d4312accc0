/**
 * The fault language: parsing commands and timed scripts, and what each fault does.
 */
package io.containeredge.simulator.fault;
