package io.containeredge.console.security;

/** One user as the store keeps it; never leaves this package (the hash stays inside). */
record StoredUser(String name, Role role, PasswordHash password) {
}
