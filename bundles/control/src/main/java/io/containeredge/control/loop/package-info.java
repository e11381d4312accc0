/**
 * The control cycle: maps the process image to readings ({@link io.containeredge.control.loop.InputMapper}),
 * runs the guards, the arbiter and the allocator, and applies the result through the actuators
 * ({@link io.containeredge.control.loop.ControlLoop}). The one package that depends on all the others;
 * nothing outside the bundle sees it.
 */
package io.containeredge.control.loop;
