/**
 * A simulated OpenADR 3 VTN (REST/JSON over http on loopback): the OAuth2 client-credentials token endpoint with
 * tokens that expire, programs, events, vens and reports as the OpenADR 3 API shapes them, and a test and demo API to
 * publish and cancel events and to read the reports a VEN sent.
 */
package io.containeredge.simulator.openadr;
