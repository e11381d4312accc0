/**
 * Users, roles, password hashing, sessions, login throttling and API tokens of the console. No
 * servlet API here: the web layer ({@code .auth}) uses these.
 *
 * <h2>Users file format</h2>
 * {@code <data>/console-users.json} carries {@code "format"} (1 now). A release that stores users
 * differently raises it and keeps reading the older formats, writing its own at the next change. A
 * file of a newer format than this release knows (after a rollback) is refused when the console
 * starts, with its name and both formats in the error: the file is never rewritten, and logins stay
 * off until the newer release runs again (or an administrator moves the file aside to set up anew).
 */
package io.containeredge.console.security;
