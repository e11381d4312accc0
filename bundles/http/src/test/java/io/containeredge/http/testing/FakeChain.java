package io.containeredge.http.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/** The rest of a filter chain: remembers whether, and as what, the request was passed on. */
public final class FakeChain implements FilterChain {

    private ServletRequest passed;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) {
        passed = request;
    }

    /** The request passed on, or null when the filter answered it itself. */
    public ServletRequest passed() {
        return passed;
    }
}
