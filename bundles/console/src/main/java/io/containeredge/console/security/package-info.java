/**
 * Users, roles, password hashing, sessions, login throttling and API tokens of the console. No
 * servlet API here: the web layer ({@code .auth}) uses these.
 */
package io.containeredge.console.security;
