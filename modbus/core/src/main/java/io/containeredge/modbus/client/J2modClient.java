package io.containeredge.modbus.client;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import io.containeredge.modbus.profile.Table;
import io.containeredge.modbus.device.ConnectionConfig;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;

/**
 * {@link ModbusClient} on j2mod for Modbus TCP, RTU over serial and RTU over TCP. j2mod makes exactly
 * one attempt per request: the poller decides about retrying, so one silent device costs one
 * timeout, not five with sleeps in between.
 */
public final class J2modClient implements ModbusClient {

    /** Exception 10: a Modbus TCP gateway cannot route to the unit. */
    private static final int GATEWAY_PATH_UNAVAILABLE = 10;
    /** Exception 11: a Modbus TCP gateway got no response from the unit behind it. */
    private static final int GATEWAY_TARGET_NO_RESPONSE = 11;

    /** j2mod reports bad frames as I/O errors; these words in its message mean the frame was bad. */
    private static final List<String> MALFORMED_HINTS =
            List.of("truncated", "premature end", "invalid", "mismatch", "crc", "unexpected");

    private final ConnectionConfig config;
    private AbstractModbusMaster master;

    public J2modClient(ConnectionConfig config) {
        this.config = config;
    }

    @Override
    public void connect() throws ModbusFailure {
        if (master != null && master.isConnected()) {
            return;
        }
        close();
        AbstractModbusMaster m = create();
        try {
            m.connect();
        } catch (Exception e) {
            m.disconnect();
            throw new ModbusFailure(ModbusFailure.Kind.IO, "cannot connect to " + config.endpoint() + ": " + e.getMessage(), e);
        }
        // j2mod treats 0 retries as "use the default of 5, with growing random sleeps"; 1 is one try
        m.setRetries(1);
        m.setTimeout((int) config.timeout().toMillis());
        master = m;
    }

    private AbstractModbusMaster create() {
        int timeout = (int) config.timeout().toMillis();
        return switch (config.transport()) {
            case "tcp" -> new ModbusTCPMaster(config.host(), config.port(), timeout, false, false);
            case "rtu-over-tcp" -> new ModbusTCPMaster(config.host(), config.port(), timeout, false, true);
            case "rtu" -> new ModbusSerialMaster(serialParameters(), timeout);
            default -> throw new IllegalArgumentException("unknown transport " + config.transport());
        };
    }

    private SerialParameters serialParameters() {
        SerialParameters p = new SerialParameters();
        p.setPortName(config.serialPort());
        p.setBaudRate(config.baudRate());
        p.setDatabits(config.dataBits());
        p.setStopbits(config.stopBits());
        p.setParity(config.parity().toUpperCase(Locale.ROOT).substring(0, 1) + config.parity().substring(1));
        p.setEncoding("rtu");
        return p;
    }

    @Override
    public int[] read(int unitId, Table table, int start, int count) throws ModbusFailure {
        connect();
        long started = System.nanoTime();
        try {
            int[] values = switch (table) {
                case COIL -> bits(master.readCoils(unitId, start, count), count);
                case DISCRETE_INPUT -> bits(master.readInputDiscretes(unitId, start, count), count);
                case INPUT_REGISTER -> registers(master.readInputRegisters(unitId, start, count));
                case HOLDING_REGISTER -> registers(master.readMultipleRegisters(unitId, start, count));
            };
            if (values.length != count) {
                throw new ModbusFailure(ModbusFailure.Kind.MALFORMED,
                        "asked for " + count + " values, got " + values.length, null);
            }
            return values;
        } catch (ModbusException e) {
            throw classify(e, started);
        }
    }

    @Override
    public void write(int unitId, Table table, int start, int[] values) throws ModbusFailure {
        connect();
        long started = System.nanoTime();
        try {
            switch (table) {
                case COIL -> writeCoils(unitId, start, values);
                case HOLDING_REGISTER -> writeRegisters(unitId, start, values);
                default -> throw new IllegalArgumentException("the " + table.key() + " table is read-only");
            }
        } catch (ModbusException e) {
            throw classify(e, started);
        }
    }

    private void writeCoils(int unitId, int start, int[] values) throws ModbusException {
        if (values.length == 1) {
            master.writeCoil(unitId, start, values[0] != 0);
            return;
        }
        BitVector bits = new BitVector(values.length);
        for (int i = 0; i < values.length; i++) {
            bits.setBit(i, values[i] != 0);
        }
        master.writeMultipleCoils(unitId, start, bits);
    }

    private void writeRegisters(int unitId, int start, int[] values) throws ModbusException {
        if (values.length == 1) {
            master.writeSingleRegister(unitId, start, new SimpleRegister(values[0]));
            return;
        }
        Register[] registers = new Register[values.length];
        for (int i = 0; i < values.length; i++) {
            registers[i] = new SimpleRegister(values[i]);
        }
        master.writeMultipleRegisters(unitId, start, registers);
    }

    private ModbusFailure classify(ModbusException e, long startedNanos) {
        if (e instanceof ModbusSlaveException slave) {
            if (slave.getType() == GATEWAY_PATH_UNAVAILABLE || slave.getType() == GATEWAY_TARGET_NO_RESPONSE) {
                // the TCP gateway answered for a device behind it that did not: the device is silent
                return new ModbusFailure(ModbusFailure.Kind.TIMEOUT, "the Modbus gateway reports no response from the"
                        + " device (exception " + slave.getType() + ")", e);
            }
            return new ModbusFailure(ModbusFailure.Kind.EXCEPTION, slave.getType(),
                    "exception response " + slave.getType(), e);
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (hasCause(e, SocketTimeoutException.class) || message.contains("timeout") || message.contains("timed out")
                || serialSilence(message, startedNanos)) {
            return new ModbusFailure(ModbusFailure.Kind.TIMEOUT, "no response within " + config.timeout().toMillis() + " ms", e);
        }
        // after a bad frame the byte stream cannot be trusted, so the connection is reopened either way
        close();
        boolean badFrame = MALFORMED_HINTS.stream().anyMatch(message::contains);
        if (e instanceof ModbusIOException && !badFrame) {
            return new ModbusFailure(ModbusFailure.Kind.IO, "connection failed: " + e.getMessage(), e);
        }
        return new ModbusFailure(ModbusFailure.Kind.MALFORMED, "malformed response: " + e.getMessage(), e);
    }

    /**
     * j2mod reports a serial read that got no byte within the timeout (jSerialComm's readBytes
     * returned 0) as an I/O error "Cannot read from serial port". It is a timeout when the request
     * did wait that long (timers may fire a little early); a port that vanished fails at once and
     * stays an I/O error, so the port is reopened.
     */
    private boolean serialSilence(String message, long startedNanos) {
        return "rtu".equals(config.transport()) && message.contains("cannot read from serial port")
                && !message.contains("truncated")
                && System.nanoTime() - startedNanos >= config.timeout().toNanos() * 9 / 10;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static int[] bits(BitVector vector, int count) {
        int[] values = new int[Math.min(count, vector.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = vector.getBit(i) ? 1 : 0;
        }
        return values;
    }

    private static int[] registers(InputRegister[] registers) {
        int[] values = new int[registers.length];
        for (int i = 0; i < registers.length; i++) {
            values[i] = registers[i].toUnsignedShort();
        }
        return values;
    }

    @Override
    public boolean isConnected() {
        return master != null && master.isConnected();
    }

    @Override
    public void close() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }
}
