/**
 * HTTPS for everything the web server serves: where the site serves HTTPS, plain HTTP only redirects
 * to it, and HTTPS responses tell the browser to stay on HTTPS. The gateway decides from the site's
 * {@code api} section whether TLS is on and configures the server; this package reads the same
 * section through {@code SiteService}.
 */
package io.containeredge.console.https;
