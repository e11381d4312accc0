/**
 * What every console endpoint shares, the login endpoints ({@code .auth}) and the others ({@code .web})
 * alike: reading a JSON request body within a limit, writing JSON answers and errors, and the refusal
 * that carries an error status.
 */
package io.containeredge.console.endpoint;
