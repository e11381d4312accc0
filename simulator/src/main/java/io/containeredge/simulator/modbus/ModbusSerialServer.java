package io.containeredge.simulator.modbus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The slaves of an RS485 bus on a serial character device, answering in {@link RtuFraming}: a real
 * port, or in tests one end of a pseudo-terminal pair ({@code socat pty,raw,echo=0 pty,raw,echo=0})
 * whose other end the gateway opens. The device is opened as plain file streams, not through a
 * serial library: line settings (baud, parity) are the device's business ({@code stty} for a real
 * port), and a pseudo-terminal has none that matter.
 *
 * <p>Frames are delimited as on a real bus, by silence. Bytes that arrive without a pause form one
 * frame; a frame that is not exactly one valid request (garbage, bad CRC, cut short, trailing bytes)
 * is ignored without a response, and the next pause resynchronises, so one bad frame never
 * disturbs the next. An unknown unit id is not answered either: no slave has that address.
 *
 * <p>The device is polled ({@code available()}, then a short sleep) instead of blocking in
 * {@code read()}: a read blocked on a character device cannot be woken by {@link #close()}, and
 * polling measures the pause for free.
 */
public final class ModbusSerialServer implements ModbusServer {

    private static final Logger LOG = Logger.getLogger(ModbusSerialServer.class.getName());
    private static final long POLL_MILLIS = 1;
    /**
     * The pause that ends a frame. RTU's 3.5 characters is 2 ms at 19200 baud; polling with sleeps
     * and a pseudo-terminal add jitter, and a master waits for the response before it sends again,
     * so a longer pause costs only latency while a shorter one could split a frame.
     */
    private static final long PAUSE_NANOS = 5_000_000L;

    private final Path device;
    private final FileInputStream in;
    private final FileOutputStream out;
    private final Framing framing = new RtuFraming();
    private final UnitTable units = new UnitTable();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Opens the device at once; requests are served after {@link #start()}.
     *
     * @throws IOException if the device cannot be opened for reading and writing
     */
    public ModbusSerialServer(Path device) throws IOException {
        this.device = device;
        this.in = new FileInputStream(device.toFile());
        try {
            this.out = new FileOutputStream(device.toFile());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        thread = new Thread(this::serve, "modbus-sim-serial-" + device.getFileName());
        thread.setDaemon(true);
    }

    @Override
    public UnitFaults addUnit(int unitId, RegisterSpace space) {
        return units.add(unitId, space);
    }

    @Override
    public ModbusSerialServer start() {
        thread.start();
        return this;
    }

    @Override
    public String endpoint() {
        return device + " (rtu)";
    }

    private void serve() {
        try {
            for (byte[] frame = nextFrame(); frame != null; frame = nextFrame()) {
                byte[] response = answer(frame);
                if (response != null) {
                    out.write(response);
                    out.flush();
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "serial device " + device + " failed; its units are no longer served", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "bug while serving " + device + "; its units are no longer served", e);
        }
    }

    /** The next frame, ended by a pause; null once closed. */
    private byte[] nextFrame() throws IOException, InterruptedException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        byte[] buffer = new byte[RtuFraming.MAX_FRAME + 1];
        long lastByte = 0;
        while (!closed) {
            int available = in.available();
            if (available > 0) {
                int n = in.read(buffer, 0, Math.min(available, buffer.length));
                // beyond the largest frame everything is garbage: keep just enough to know that
                frame.write(buffer, 0, Math.max(0, Math.min(n, buffer.length - frame.size())));
                lastByte = System.nanoTime();
            } else if (frame.size() > 0 && System.nanoTime() - lastByte >= PAUSE_NANOS) {
                return frame.toByteArray();
            } else {
                Thread.sleep(POLL_MILLIS);
            }
        }
        return null;
    }

    /** The response frame, or null when the frame is ignored or the unit does not answer. */
    private byte[] answer(byte[] frame) {
        if (frame.length > RtuFraming.MAX_FRAME) {
            LOG.fine(() -> "ignored an over-long frame on " + device);
            return null;
        }
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(frame));
        try {
            Framing.Request request = framing.read(data.readUnsignedByte(), data);
            if (data.available() > 0) {
                throw new Framing.BadFrameException("trailing bytes after an RTU request");
            }
            byte[] pdu = units.respond(request.unitId(), request.pdu(), framing);
            return pdu == null ? null : framing.frame(request, pdu);
        } catch (IOException e) {
            // BadFrameException, or EOFException for a frame cut short
            LOG.fine(() -> "ignored a frame on " + device + ": " + e);
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (in; out) {
            // closing both
        } catch (IOException e) {
            // closing anyway
        }
    }
}
