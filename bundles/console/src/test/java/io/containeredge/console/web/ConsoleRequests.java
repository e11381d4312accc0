package io.containeredge.console.web;

import io.containeredge.console.security.ConsoleUser;
import io.containeredge.console.security.Role;
import io.containeredge.http.testing.FakeRequest;

/** Requests as the security filter passes them on to a console servlet, by a user of each role. */
final class ConsoleRequests {

    /** Where the servlet under test is registered, as the requests say. */
    static final String SERVLET_PATH = "/servlet";
    static final ConsoleUser VIEWER = new ConsoleUser("vera", Role.VIEWER, false);
    static final ConsoleUser TECHNICIAN = new ConsoleUser("tom", Role.TECHNICIAN, false);
    static final ConsoleUser ADMIN = new ConsoleUser("ada", Role.ADMIN, false);

    private ConsoleRequests() {
    }

    /** {@code user} may be null: the filter is missing. */
    static FakeRequest request(String method, String pathInfo, ConsoleUser user) {
        FakeRequest req = new FakeRequest(method, SERVLET_PATH, pathInfo);
        return user == null ? req : req.attribute(ConsoleUser.ATTRIBUTE, user);
    }

    static FakeRequest get(String pathInfo, ConsoleUser user) {
        return request("GET", pathInfo, user);
    }

    /** A POST with {@code json} as its body, or with no body at all when it is null. */
    static FakeRequest post(String pathInfo, ConsoleUser user, String json) {
        FakeRequest req = request("POST", pathInfo, user);
        return json == null ? req : req.json(json);
    }
}
