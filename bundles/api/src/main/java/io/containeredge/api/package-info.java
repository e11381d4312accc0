/**
 * The read-only JSON API over the HTTP whiteboard. Reads ProcessImageService; changes nothing.
 */
package io.containeredge.api;
