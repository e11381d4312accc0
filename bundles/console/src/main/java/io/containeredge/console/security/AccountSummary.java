package io.containeredge.console.security;

/** What may be shown about a user: the name and the role, nothing about the password. */
public record AccountSummary(String name, Role role) {
}
