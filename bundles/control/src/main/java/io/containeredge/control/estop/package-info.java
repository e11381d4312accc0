/**
 * The emergency stop and the gateway's own I/O (leak sensor, beacon): the e-stop guard, its supervisor
 * and the latches kept on disk across restarts. Depends on the loop's readings, the API's value types
 * and the gpio bundle's API.
 */
package io.containeredge.control.estop;
