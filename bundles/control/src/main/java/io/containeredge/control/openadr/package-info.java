/**
 * The OpenADR 3 VEN: polls a VTN's programs and events (REST/JSON, OAuth2 client credentials), schedules each event
 * through the controller's one validated path, cancels what the VTN cancelled, and reports the measured load and any
 * opt-out back to the VTN.
 */
package io.containeredge.control.openadr;
