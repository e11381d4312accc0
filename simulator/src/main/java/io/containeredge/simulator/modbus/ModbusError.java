package io.containeredge.simulator.modbus;

/**
 * A Modbus exception response: the request was understood as a frame but the device refuses it.
 * Thrown by {@link RegisterSpace} implementations and turned into {@code function | 0x80, code}.
 */
public final class ModbusError extends Exception {

    public static final int ILLEGAL_FUNCTION = 0x01;
    public static final int ILLEGAL_DATA_ADDRESS = 0x02;
    public static final int ILLEGAL_DATA_VALUE = 0x03;
    public static final int SERVER_DEVICE_FAILURE = 0x04;
    public static final int GATEWAY_TARGET_FAILED = 0x0B;

    private final int code;

    public ModbusError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
