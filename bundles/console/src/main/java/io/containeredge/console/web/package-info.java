/**
 * The console's pages (static assets served from the bundle, no internet needed), the live stream
 * (server-sent events), the local history for charts, and the endpoints behind the pages' actions.
 */
package io.containeredge.console.web;
