package io.containeredge.http.testing;

import io.containeredge.http.api.ApiGuard;

/** Guards for the tests of guarded servlets: one that passed every request, one that passed none. */
public final class FakeGuard {

    /** As if every request had come through the security filter, which is tested on its own. */
    public static final ApiGuard ADMITS_ALL = req -> true;
    /** As a guard registered for other paths or another context: no request came through it. */
    public static final ApiGuard ADMITS_NONE = req -> false;

    private FakeGuard() {
    }
}
