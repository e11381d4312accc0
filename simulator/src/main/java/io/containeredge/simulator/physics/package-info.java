/**
 * The physics of a container: coolant loop, CDU, dry coolers, transformer thermal model, meters,
 * battery. Stepped on a clock; no I/O.
 */
package io.containeredge.simulator.physics;
