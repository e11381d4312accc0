/**
 * The gateway's web server (JSON API, console) as the site's {@code api} section asks: plain HTTP on
 * loopback, otherwise HTTPS with the operator's key store or a self-signed certificate kept in the data
 * directory (made anew only when it nears expiry or no longer names the gateway's addresses), the plain
 * port then only redirecting. Written as the Felix HTTP Jetty configuration; the redirect itself is the
 * console's HTTPS preprocessor.
 */
package io.containeredge.gateway.webserver;
