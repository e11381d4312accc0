/**
 * The HTTP side of security: the filter every request under {@code /api} and {@code /console} passes
 * (authentication, CSRF, role check, security headers, audit of changes) and the login, setup and user
 * endpoints.
 */
package io.containeredge.console.auth;
