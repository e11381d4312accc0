package io.containeredge.control.openadr;

/** An OpenADR event the VEN cannot read: what is missing or wrong, naming the event and the field. */
final class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedEventException(String message) {
        super(message);
    }
}
