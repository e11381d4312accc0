package io.containeredge.simulator.modbus;

import io.containeredge.modbus.profile.Table;

/**
 * Executes one Modbus request PDU against a {@link RegisterSpace} and builds the response PDU.
 * Pure apart from the register space, so the protocol rules are tested without sockets.
 *
 * <p>Checks follow the order of the Modbus application protocol spec (v1.1b3, section 6):
 * function code (01), then quantity and byte count (03), then addresses (02).
 */
public final class PduHandler {

    private PduHandler() {
    }

    /** The response PDU (function code first): a normal response or {@code fc|0x80, code}. */
    public static byte[] handle(RegisterSpace space, byte[] pdu) {
        int fc = pdu.length > 0 ? pdu[0] & 0xFF : 0;
        try {
            return switch (fc) {
                case 1 -> readBits(space, Table.COIL, pdu);
                case 2 -> readBits(space, Table.DISCRETE_INPUT, pdu);
                case 3 -> readRegisters(space, Table.HOLDING_REGISTER, pdu);
                case 4 -> readRegisters(space, Table.INPUT_REGISTER, pdu);
                case 5 -> writeSingleCoil(space, pdu);
                case 6 -> writeSingleRegister(space, pdu);
                case 15 -> writeMultipleCoils(space, pdu);
                case 16 -> writeMultipleRegisters(space, pdu);
                default -> throw new ModbusError(ModbusError.ILLEGAL_FUNCTION, "function " + fc);
            };
        } catch (ModbusError e) {
            return exception(fc, e.code());
        }
    }

    /** An exception response PDU. */
    public static byte[] exception(int fc, int code) {
        return new byte[] {(byte) ((fc | 0x80) & 0xFF), (byte) code};
    }

    private static byte[] readBits(RegisterSpace space, Table table, byte[] pdu) throws ModbusError {
        requireLength(pdu, 5);
        int start = u16(pdu, 1);
        int count = u16(pdu, 3);
        requireQuantity(count, 2000);
        requireAddresses(start, count);
        int[] bits = space.read(table, start, count);
        byte[] out = new byte[2 + (count + 7) / 8];
        out[0] = pdu[0];
        out[1] = (byte) (out.length - 2);
        for (int i = 0; i < count; i++) {
            if (bits[i] != 0) {
                out[2 + i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return out;
    }

    private static byte[] readRegisters(RegisterSpace space, Table table, byte[] pdu) throws ModbusError {
        requireLength(pdu, 5);
        int start = u16(pdu, 1);
        int count = u16(pdu, 3);
        requireQuantity(count, 125);
        requireAddresses(start, count);
        int[] words = space.read(table, start, count);
        byte[] out = new byte[2 + 2 * count];
        out[0] = pdu[0];
        out[1] = (byte) (2 * count);
        for (int i = 0; i < count; i++) {
            out[2 + 2 * i] = (byte) (words[i] >> 8);
            out[3 + 2 * i] = (byte) words[i];
        }
        return out;
    }

    private static byte[] writeSingleCoil(RegisterSpace space, byte[] pdu) throws ModbusError {
        requireLength(pdu, 5);
        int value = u16(pdu, 3);
        if (value != 0xFF00 && value != 0x0000) {
            throw new ModbusError(ModbusError.ILLEGAL_DATA_VALUE, "coil value must be 0xFF00 or 0x0000");
        }
        space.write(Table.COIL, u16(pdu, 1), new int[] {value == 0xFF00 ? 1 : 0});
        return pdu.clone();
    }

    private static byte[] writeSingleRegister(RegisterSpace space, byte[] pdu) throws ModbusError {
        requireLength(pdu, 5);
        space.write(Table.HOLDING_REGISTER, u16(pdu, 1), new int[] {u16(pdu, 3)});
        return pdu.clone();
    }

    private static byte[] writeMultipleCoils(RegisterSpace space, byte[] pdu) throws ModbusError {
        requireMinLength(pdu, 6);
        int start = u16(pdu, 1);
        int count = u16(pdu, 3);
        requireQuantity(count, 1968);
        int byteCount = pdu[5] & 0xFF;
        if (byteCount != (count + 7) / 8 || pdu.length != 6 + byteCount) {
            throw new ModbusError(ModbusError.ILLEGAL_DATA_VALUE, "byte count does not match quantity");
        }
        requireAddresses(start, count);
        int[] bits = new int[count];
        for (int i = 0; i < count; i++) {
            bits[i] = (pdu[6 + i / 8] >> (i % 8)) & 1;
        }
        space.write(Table.COIL, start, bits);
        return new byte[] {pdu[0], pdu[1], pdu[2], pdu[3], pdu[4]};
    }

    private static byte[] writeMultipleRegisters(RegisterSpace space, byte[] pdu) throws ModbusError {
        requireMinLength(pdu, 6);
        int start = u16(pdu, 1);
        int count = u16(pdu, 3);
        requireQuantity(count, 123);
        int byteCount = pdu[5] & 0xFF;
        if (byteCount != 2 * count || pdu.length != 6 + byteCount) {
            throw new ModbusError(ModbusError.ILLEGAL_DATA_VALUE, "byte count does not match quantity");
        }
        requireAddresses(start, count);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = u16(pdu, 6 + 2 * i);
        }
        space.write(Table.HOLDING_REGISTER, start, words);
        return new byte[] {pdu[0], pdu[1], pdu[2], pdu[3], pdu[4]};
    }

    private static void requireLength(byte[] pdu, int length) throws ModbusError {
        if (pdu.length != length) {
            throw new ModbusError(ModbusError.ILLEGAL_DATA_VALUE, "PDU length " + pdu.length);
        }
    }

    private static void requireMinLength(byte[] pdu, int length) throws ModbusError {
        if (pdu.length < length) {
            throw new ModbusError(ModbusError.ILLEGAL_DATA_VALUE, "PDU length " + pdu.length);
        }
    }

    private static void requireQuantity(int count, int max) throws ModbusError {
        if (count < 1 || count > max) {
            throw new ModbusError(ModbusError.ILLEGAL_DATA_VALUE, "quantity " + count + " not in 1.." + max);
        }
    }

    private static void requireAddresses(int start, int count) throws ModbusError {
        if (start + count > 0x10000) {
            throw new ModbusError(ModbusError.ILLEGAL_DATA_ADDRESS, "range runs past 65535");
        }
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
