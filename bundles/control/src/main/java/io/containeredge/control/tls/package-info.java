/** What the controller's HTTPS clients (Redfish BMCs, the OpenADR VTN) trust: CA certificates from PEM files. */
package io.containeredge.control.tls;
