package io.containeredge.modbus.client;

/** A request that did not yield a valid response, classified so diagnostics can count by kind. */
public class ModbusFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a request failed. */
    public enum Kind {
        /** No response within the timeout. */
        TIMEOUT,
        /** The device answered with a Modbus exception code. */
        EXCEPTION,
        /** A response arrived but was not a well-formed answer to the request. */
        MALFORMED,
        /** The connection could not be opened or broke. */
        IO;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;
    private final int exceptionCode;

    public ModbusFailure(Kind kind, String message, Throwable cause) {
        this(kind, 0, message, cause);
    }

    public ModbusFailure(Kind kind, int exceptionCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.exceptionCode = exceptionCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The Modbus exception code for {@link Kind#EXCEPTION}, else 0. */
    public int exceptionCode() {
        return exceptionCode;
    }
}
