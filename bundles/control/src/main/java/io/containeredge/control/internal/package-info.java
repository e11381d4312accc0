/**
 * The OSGi component that runs the control loop, polls the miners and drives the systemd watchdog: it
 * wires every other package of the bundle to the services it needs (site, process image, gateway I/O)
 * and registers the API's {@code ControlService}.
 */
package io.containeredge.control.internal;
