package io.containeredge.console.security;

/**
 * Who sent a request, as the security filter established it; servlets read it from the request
 * attribute {@link #ATTRIBUTE} (present on every request that reached them, except public ones).
 *
 * @param name  the user name, or the API token's name
 * @param role  what it may do
 * @param token true when authenticated by an API token rather than a console session
 */
public record ConsoleUser(String name, Role role, boolean token) {

    public static final String ATTRIBUTE = "io.containeredge.console.user";
}
