/**
 * The OSGi component that runs the control loop, polls the miners and drives the systemd watchdog.
 */
package io.containeredge.control.internal;
