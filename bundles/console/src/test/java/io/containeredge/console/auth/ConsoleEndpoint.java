package io.containeredge.console.auth;

import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import jakarta.servlet.http.HttpServlet;

/** A servlet behind the security filter, as the whiteboard puts them together. */
final class ConsoleEndpoint {

    private final SecurityFilter filter;
    private final HttpServlet servlet;

    ConsoleEndpoint(SecurityRig rig, HttpServlet servlet) {
        this.filter = new SecurityFilter(rig.security, rig.audit, rig.anonymousAudit);
        this.servlet = servlet;
    }

    FakeResponse send(FakeRequest req) throws Exception {
        FakeResponse resp = new FakeResponse();
        filter.doFilter(req, resp, servlet::service);
        return resp;
    }
}
