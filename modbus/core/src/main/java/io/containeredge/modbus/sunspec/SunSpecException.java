package io.containeredge.modbus.sunspec;

/**
 * A device does not present a usable SunSpec map: no 'SunS' marker at any base, or a model chain that
 * is malformed (runs past the address space, has no end marker, never ends).
 */
public class SunSpecException extends Exception {

    private static final long serialVersionUID = 1L;

    public SunSpecException(String message) {
        super(message);
    }
}
