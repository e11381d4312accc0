package io.containeredge.control.api;

/**
 * One interval of a demand-response event, on the wall clock.
 *
 * @param startMillis when the interval starts (after any randomisation the VEN applied)
 * @param endMillis when it ends
 */
public record EventInterval(long startMillis, long endMillis, EventTarget target) {
}
