/**
 * The one HTTP API layer every bundle's JSON endpoints are built on: the servlet base
 * ({@link io.containeredge.http.api.JsonServlet}, {@link io.containeredge.http.api.GuardedJsonServlet}),
 * the answer writer ({@link io.containeredge.http.api.JsonAnswers}), request bodies and their typed
 * fields, the refusal that carries an error status, and the contract of the filter that guards the API
 * ({@link io.containeredge.http.api.ApiGuard}). It depends on the servlet API, Jackson and SLF4J only,
 * on no other bundle of the gateway.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.containeredge.http.api;
