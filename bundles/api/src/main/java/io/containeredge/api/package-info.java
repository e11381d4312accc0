/**
 * The JSON API over the HTTP whiteboard: the process image (read-only) and the controller (state, alarms,
 * acknowledgements, reset, import cap through ControlService). Authentication and roles are the console's
 * security filter's job, not this bundle's.
 */
package io.containeredge.api;
