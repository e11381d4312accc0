package io.containeredge.console.auth;

import io.containeredge.console.security.AccountRules;
import io.containeredge.console.security.ConsoleUser;
import io.containeredge.gateway.api.AuditTrail;
import java.util.Locale;

/**
 * How the web layer writes to the audit trail: who (user or token name, {@code anonymous}), from where
 * ({@code console <address>} for sessions and console pages, {@code api <address>} for API tokens and
 * anonymous API calls), what and the outcome.
 */
final class RequestAudit {

    static final String ANONYMOUS = "anonymous";
    /** Recorded instead of a typed name that cannot be one: it may be a password typed in the wrong field. */
    static final String INVALID_NAME = "(invalid name)";
    private static final int MAX_DETAIL = 200;

    private RequestAudit() {
    }

    /** A finished state-changing request: action {@code http.<method>}, target the path, outcome the HTTP status. */
    static void request(AuditTrail trail, ConsoleUser user, String method, String path, String query, String address,
            int status) {
        trail.record(actor(user), origin(user, path, address), "http." + method.toLowerCase(Locale.ROOT),
                path, String.valueOf(status), query == null ? "" : truncate(query));
    }

    /** A login or setup attempt: outcome {@code accepted}, {@code rejected} or {@code locked}. */
    static void login(AuditTrail trail, String action, String name, String address, String outcome, String detail) {
        trail.record(AccountRules.validName(name) ? name : INVALID_NAME, "console " + address, action, "console",
                outcome, detail);
    }

    static String origin(ConsoleUser user, String path, String address) {
        boolean api = user != null ? user.token() : !path.startsWith("/console/");
        return (api ? "api " : "console ") + address;
    }

    private static String actor(ConsoleUser user) {
        return user == null ? ANONYMOUS : user.name();
    }

    private static String truncate(String text) {
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }
}
