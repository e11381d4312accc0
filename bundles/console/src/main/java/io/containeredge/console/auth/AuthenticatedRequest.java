package io.containeredge.console.auth;

import io.containeredge.console.security.ConsoleUser;
import io.containeredge.console.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Locale;

/**
 * The request as the servlets behind the filter see it: the user in the {@link ConsoleUser#ATTRIBUTE}
 * attribute and, for servlets that know nothing of the console (the JSON API), through the standard
 * {@link #getRemoteUser()}, so they can say who acknowledged an alarm.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    private final ConsoleUser user;

    AuthenticatedRequest(HttpServletRequest request, ConsoleUser user) {
        super(request);
        this.user = user;
        request.setAttribute(ConsoleUser.ATTRIBUTE, user);
    }

    @Override
    public String getRemoteUser() {
        return user.name();
    }

    @Override
    public Principal getUserPrincipal() {
        return user::name;
    }

    @Override
    public boolean isUserInRole(String role) {
        if (role == null) {
            return false;
        }
        try {
            return user.role().includes(Role.valueOf(role.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String getAuthType() {
        return user.token() ? "BEARER" : FORM_AUTH;
    }
}
