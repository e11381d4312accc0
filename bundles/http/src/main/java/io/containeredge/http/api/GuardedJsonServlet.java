package io.containeredge.http.api;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A {@link JsonServlet} of the API that answers only what its {@link ApiGuard} admitted. Without a
 * guard, or for a request that did not pass it, every request is refused with 503: the API is never
 * served unguarded. Who may call what (roles) is the guard's decision, not the servlet's.
 */
public abstract class GuardedJsonServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ApiGuard guard;

    /** {@code guard} is a mandatory reference of the servlet's component; null refuses everything. */
    protected GuardedJsonServlet(ApiGuard guard) {
        this.guard = guard;
    }

    @Override
    protected final void admit(HttpServletRequest req) throws RequestRefused {
        if (guard == null || !guard.admitted(req)) {
            throw new RequestRefused(503, "no security filter guards this request; the API answers nothing without one");
        }
    }
}
